package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Every layer's output shape and every parameter's shape, at the source's width and at a small one. */
class NetworkShapeTest {

    @ParameterizedTest
    @ValueSource(ints = {512, 16})
    void generatorLayers(int ch) {
        Generator64 g = new Generator64(ch, DataType.FLOAT);
        Generator64.Trace t = g.forwardTraining(Nd4j.rand(DataType.FLOAT, 2, 128));
        List<long[]> shapes = t.layerShapes();
        assertArrayEquals(new long[] {2, ch, 8, 8}, shapes.get(0));
        assertArrayEquals(new long[] {2, ch / 2, 16, 16}, shapes.get(1));
        assertArrayEquals(new long[] {2, ch / 4, 32, 32}, shapes.get(2));
        assertArrayEquals(new long[] {2, ch / 8, 64, 64}, shapes.get(3));
        assertArrayEquals(new long[] {2, 3, 64, 64}, shapes.get(4));
        assertArrayEquals(new long[] {2, 3, 64, 64}, g.generate(Nd4j.rand(DataType.FLOAT, 2, 128)).shape());
        assertArrayEquals(new long[] {128, 64L * ch}, g.parameters().value("w0").shape());
        assertArrayEquals(new long[] {ch, ch / 2, 4, 4}, g.parameters().value("w1").shape());
        assertArrayEquals(new long[] {ch / 8, 3, 3, 3}, g.parameters().value("w4").shape());
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 16})
    void discriminatorLayers(int ch) {
        for (Discriminator64.Kind kind : Discriminator64.Kind.values()) {
            Discriminator64 d = new Discriminator64(kind, ch, DataType.FLOAT);
            List<long[]> shapes = d.forward(Nd4j.rand(DataType.FLOAT, 2, 3, 64, 64), true).layerShapes();
            long[][] expected = {{2, ch / 8, 64, 64}, {2, ch / 4, 32, 32}, {2, ch / 4, 32, 32}, {2, ch / 2, 16, 16},
                    {2, ch / 2, 16, 16}, {2, ch, 8, 8}, {2, ch, 8, 8}, {2, 1}};
            assertEquals(expected.length, shapes.size());
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], shapes.get(i), kind + " layer " + (i + 1));
            }
            assertArrayEquals(new long[] {ch / 4, ch / 8, 4, 4}, d.parameters().value("w2").shape());
            assertArrayEquals(new long[] {1, 64L * ch}, d.parameters().value("w8").shape());
            assertEquals(kind == Discriminator64.Kind.BATCH_NORM, d.parameters().names().contains("beta2"));
            assertEquals(kind == Discriminator64.Kind.SPECTRAL_NORM, d.buffers().names().contains("u8"));
        }
    }

    @Test
    void initialisationIsNormalWithStd002AndZeroBiases() {
        Discriminator64 d = new Discriminator64(Discriminator64.Kind.PLAIN, 64, DataType.FLOAT);
        d.initialise(new org.ganbench.common.ReproducibleRandom(1));
        INDArray w = d.parameters().value("w7");
        assertEquals(0.0, w.meanNumber().doubleValue(), 1e-3);
        assertEquals(0.02, w.stdNumber().doubleValue(), 1e-3);
        assertEquals(0.0, d.parameters().value("b7").norm1Number().doubleValue());
    }

    @Test
    void widthMustBeAMultipleOfEight() {
        assertThrows(IllegalArgumentException.class, () -> new Generator64(12, DataType.FLOAT));
        assertThrows(IllegalArgumentException.class,
                () -> new Discriminator64(Discriminator64.Kind.PLAIN, 4, DataType.FLOAT));
    }
}
