package dev.tern.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transport library's public API, enforced: the app, its CLI and the terminal widget use the session and SSH
 * layers, the read-only screen model with its emulator and renderer, and a few settings values; the wire format,
 * the state synchronisation, the protobuf classes, the cipher and the prediction engine stay internal.
 *
 * <p>Why a test and not {@code module-info.java}: the app and the widget run on the class path, next to
 * JediTermFX, pty4j, JNA and Kotlin's standard library, which are not modules (automatic modules at best, with
 * split packages), and the launchers put only JavaFX on the module path. A module descriptor in transport alone
 * would not be enforced there, so this test is the boundary, and it fails the build when a class crosses it.
 */
class TransportBoundaryTest {
    private static final String TRANSPORT = "dev.tern.transport.";

    /** Whole packages that make up the API. */
    private static final Set<String> PUBLIC_PACKAGES = Set.of("dev.tern.transport.session", "dev.tern.transport.ssh");

    /** Single types of otherwise internal packages that the API hands out or takes. */
    private static final Set<String> PUBLIC_TYPES = Set.of(
            "dev.tern.transport.crypto.SessionKey",
            "dev.tern.transport.predict.PredictionSettings",
            "dev.tern.transport.predict.DisplayPreference",
            "dev.tern.transport.predict.EscapeKey",
            "dev.tern.transport.screen.Framebuffer",
            "dev.tern.transport.screen.Row",
            "dev.tern.transport.screen.Cell",
            "dev.tern.transport.screen.Renditions",
            "dev.tern.transport.screen.Repertoire",
            "dev.tern.transport.screen.ScrollbackBuffer",
            "dev.tern.transport.screen.Emulator",
            "dev.tern.transport.screen.FrameRenderer",
            "dev.tern.transport.screen.RecordedRows",
            "dev.tern.transport.screen.LeftRows",
            "dev.tern.transport.screen.RenderResult");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tern.app", "dev.tern.widget", "dev.tern.transport");
    }

    @Test
    void theAppAndTheWidgetUseOnlyTransportsPublicApi() {
        noClasses().that().resideInAnyPackage("dev.tern.app..", "dev.tern.widget..")
                .should().dependOnClassesThat(internalToTransport())
                .because("transport's internals (wire, ssp, proto, crypto, the prediction engine) may change freely; "
                        + "reach them through dev.tern.transport.session instead")
                .check(classes);
    }

    @Test
    void theTransportNeverUsesTheUiLayers() {
        noClasses().that().resideInAPackage("dev.tern.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tern.app..", "dev.tern.widget..", "javafx..")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> internalToTransport() {
        return DescribedPredicate.describe("are internal to transport", type -> {
            JavaClass outer = type;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            String name = outer.getName();
            return name.startsWith(TRANSPORT) && !PUBLIC_PACKAGES.contains(outer.getPackageName())
                    && !PUBLIC_TYPES.contains(name);
        });
    }
}
