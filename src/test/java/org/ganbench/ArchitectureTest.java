package org.ganbench;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: the headless core never sees the window or the command line. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ganbench");
    }

    /**
     * The order inside the core: common <- dataset, model <- train <- inspect, eval <- export, experiment <- ui, cli.
     * A layer may use the layers before it, never one after it; layers named together do not know each other.
     */
    @Test
    void coreLayersDependOnlyOnEarlierLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("common").definedBy("org.ganbench.common..")
                .layer("dataset").definedBy("org.ganbench.dataset..")
                .layer("model").definedBy("org.ganbench.model..")
                .layer("train").definedBy("org.ganbench.train..")
                .layer("inspect").definedBy("org.ganbench.inspect..")
                .layer("eval").definedBy("org.ganbench.eval..")
                .layer("export").definedBy("org.ganbench.export..")
                .layer("experiment").definedBy("org.ganbench.experiment..")
                .layer("ui").definedBy("org.ganbench.ui..")
                .layer("cli").definedBy("org.ganbench.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("experiment").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("export").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("eval").mayOnlyBeAccessedByLayers("export", "experiment", "ui", "cli")
                .whereLayer("inspect").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("train").mayOnlyBeAccessedByLayers("inspect", "eval", "export", "experiment", "ui", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("train", "inspect", "eval", "export", "experiment", "ui",
                        "cli")
                .whereLayer("dataset").mayOnlyBeAccessedByLayers("train", "inspect", "eval", "export", "experiment",
                        "ui", "cli")
                .whereLayer("common").mayOnlyBeAccessedByLayers("dataset", "model", "train", "inspect", "eval",
                        "export", "experiment", "ui", "cli")
                .check(classes);
    }

    @Test
    void coreIsFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage("org.ganbench.common..", "org.ganbench.dataset..",
                        "org.ganbench.model..", "org.ganbench.train..", "org.ganbench.inspect..", "org.ganbench.eval..",
                        "org.ganbench.export..", "org.ganbench.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnUiOrCli() {
        noClasses().that().resideInAnyPackage("org.ganbench.common..", "org.ganbench.dataset..",
                        "org.ganbench.model..", "org.ganbench.train..", "org.ganbench.inspect..", "org.ganbench.eval..",
                        "org.ganbench.export..", "org.ganbench.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ganbench.ui..", "org.ganbench.cli..")
                .check(classes);
    }

    @Test
    void uiAndCliAreIndependent() {
        noClasses().that().resideInAPackage("org.ganbench.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.ganbench.cli..").check(classes);
        noClasses().that().resideInAPackage("org.ganbench.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ganbench.ui..", "javafx..").check(classes);
    }

    @Test
    void numericEngineStaysInsideModelAndTrain() {
        noClasses().that().resideOutsideOfPackages("org.ganbench.model..", "org.ganbench.train..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
                .check(classes);
    }

    /**
     * The window's views (ui.datasets, ui.training, ...) know ui.common and the core, never each other's insides; only
     * ui.shell, which assembles the window, sees them all.
     */
    @Test
    void viewsDependOnlyOnCommonUiAndTheCore() {
        slices().matching("org.ganbench.ui.(*)..").should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage("org.ganbench.ui.common.."))
                .ignoreDependency(resideInAPackage("org.ganbench.ui.shell.."), alwaysTrue())
                .check(classes);
        noClasses().that().resideInAPackage("org.ganbench.ui.common..")
                .should().dependOnClassesThat().resideInAPackage("org.ganbench.ui.shell..").check(classes);
    }
}
