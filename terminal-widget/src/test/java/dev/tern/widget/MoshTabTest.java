package dev.tern.widget;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.MoshConnector;
import dev.tern.widget.connect.MoshServerAddress;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@ExtendWith(ApplicationExtension.class)
class MoshTabTest {
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;
    @AutoClose
    private MoshServer server;
    @AutoClose
    private UdpImpairmentProxy proxy;

    @Test
    void typedCommandRunsOverMoshAndResizeReachesTheServer(FxRobot robot) {
        server = MoshServer.plainBash();
        MoshConnector connector = new MoshConnector("mosh-test",
                progress -> new MoshServerAddress(server.address(), server.key()));
        view = shown.show(robot, connector);
        Eventually.until(Duration.ofSeconds(20), () -> view.stateProperty().get() == ConnectionState.CONNECTED,
                () -> view.stateProperty().get() + " " + view.messageProperty().get());
        Eventually.screenContains(view, "$ ");
        ShownView.typeLine(robot, view, "echo $((6*7))-mosh");
        Eventually.screenContains(view, "42-mosh");

        shown.resizeReachesTheRemote(robot, 600, 320);
        assertNotNull(view.roundTripProperty().get(), "round trip reported");
        System.out.println("mosh tab: rtt=" + view.roundTripProperty().get() + " lastContact="
                + view.lastContactProperty().get() + " frames=" + view.framesShown());

        // mosh's escape key: Ctrl-^ then "." quits the session
        robot.interact(view::requestTerminalFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL).type(KeyCode.PERIOD);
        Eventually.until(Duration.ofSeconds(10), () -> view.stateProperty().get() == ConnectionState.CLOSED,
                () -> String.valueOf(view.stateProperty().get()));
        assertEquals(ConnectionState.CLOSED, view.stateProperty().get());
        System.out.println("mosh tab closed: " + view.messageProperty().get());
    }

    @Test
    void aSilentServerRaisesTheBannerAndItGoesAwayWhenContactReturns(FxRobot robot) {
        server = MoshServer.plainBash();
        proxy = UdpImpairmentProxy.start(server.address(), 7);
        MoshConnector connector = new MoshConnector("mosh-blackout",
                progress -> new MoshServerAddress(proxy.listenAddress(), server.key()));
        view = shown.show(robot, connector);
        Eventually.screenContains(view, "$ ");
        String screenBefore = view.screenText();
        proxy.blackout(Duration.ofSeconds(9));
        Eventually.until(Duration.ofSeconds(15), () -> view.stateProperty().get() == ConnectionState.CONTACT_LOST,
                () -> view.stateProperty().get() + " banner=" + view.bannerText());
        String banner = view.bannerText();
        System.out.println("banner during blackout: " + banner);
        org.junit.jupiter.api.Assertions.assertTrue(banner.matches("Last contact \\d+ seconds ago\\. Reconnecting… "
                + "\\[To quit: Ctrl-\\^ \\.\\]"), banner);
        assertEquals(screenBefore, view.screenText(), "the banner is not drawn into the remote screen");
        Eventually.until(Duration.ofSeconds(20), () -> view.stateProperty().get() == ConnectionState.CONNECTED
                && view.bannerText().isEmpty(), () -> view.stateProperty().get() + " banner=" + view.bannerText());
    }
}
