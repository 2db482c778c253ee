package org.ganbench.train;

import java.util.Map;
import org.ganbench.model.Discriminator64;
import org.ganbench.model.Generator64;
import org.nd4j.linalg.api.ndarray.INDArray;

/** How torch_ref.py's state dicts name and lay out our networks' parameters and buffers. */
final class TorchNames {
    private TorchNames() {
    }

    /** The reference's array for our parameter or buffer {@code name}, in our layout. */
    static INDArray ours(String name, Map<String, INDArray> reference) {
        String torch = torchName(name, reference);
        INDArray a = reference.get(torch);
        if (a == null) {
            throw new IllegalArgumentException("the trace has no " + torch + " (for our " + name + ")");
        }
        return name.equals("w0") ? a.transpose() : a; // torch's Linear holds [out, in], ours [in, out]
    }

    private static String torchName(String name, Map<String, INDArray> reference) {
        String kind = name.replaceAll("\\d+$", "");
        int layer = Integer.parseInt(name.substring(kind.length()));
        boolean generator = reference.containsKey("l0.weight");
        String module;
        if (generator) {
            boolean norm = !kind.equals("w") && !kind.equals("b");
            module = layer == 0 ? (norm ? "bn0" : "l0") : "net." + (3 * (layer - 1) + (norm ? 1 : 0));
        } else {
            module = layer == 8 ? "l4" : "net." + 2 * (layer - 1);
        }
        String weight = reference.containsKey(module + ".weight_orig") ? "weight_orig" : "weight";
        return module + "." + switch (kind) {
            case "w" -> weight;
            case "b", "beta" -> "bias";
            case "gamma" -> "weight";
            case "mean" -> "running_mean";
            case "var" -> "running_var";
            case "u" -> "weight_u";
            default -> throw new IllegalArgumentException("no torch name for " + name);
        };
    }

    /** Our names of the parameters and buffers a G or D state dict holds. */
    static java.util.List<String> ourNames(Map<String, INDArray> reference, boolean generator) {
        java.util.List<String> names = new java.util.ArrayList<>();
        int layers = generator ? 4 : 8;
        for (int l = generator ? 0 : 1; l <= layers; l++) {
            String[] kinds = generator ? new String[] {"w", "b", "gamma", "beta", "mean", "var"}
                    : new String[] {"w", "b", "u"};
            for (String kind : kinds) {
                String name = kind + l;
                if (reference.containsKey(torchName(name, reference))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    static boolean isBuffer(String name) {
        return name.startsWith("mean") || name.startsWith("var") || name.startsWith("u");
    }

    static Map<String, INDArray> generatorArrays(Generator64 g) {
        return LockstepBench.arraysOf(g.parameters(), g.buffers());
    }

    static Map<String, INDArray> discriminatorArrays(Discriminator64 d) {
        return LockstepBench.arraysOf(d.parameters(), d.buffers());
    }

    static void loadGenerator(Map<String, INDArray> reference, Generator64 g) {
        load(reference, generatorArrays(g));
    }

    static void loadDiscriminator(Map<String, INDArray> reference, Discriminator64 d) {
        load(reference, discriminatorArrays(d));
    }

    private static void load(Map<String, INDArray> reference, Map<String, INDArray> ours) {
        for (Map.Entry<String, INDArray> e : ours.entrySet()) {
            INDArray value = ours(e.getKey(), reference);
            e.getValue().assign(value.reshape(e.getValue().shape()).castTo(e.getValue().dataType()));
        }
    }
}
