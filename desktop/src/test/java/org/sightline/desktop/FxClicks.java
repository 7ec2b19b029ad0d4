package org.sightline.desktop;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Real mouse clicks for TestFX tests, with the target's screen position computed on the FX thread.
 * {@code FxRobot.clickOn(query)} reads node bounds on the test thread; bounds are lazily cached state, and
 * computing them while a layout pulse runs corrupts the parent's bounds cache (a rare
 * {@code IndexOutOfBoundsException} in {@code Parent.updateCachedBounds}).
 */
public final class FxClicks {
    private FxClicks() {
    }

    /** Screen bounds of the node, computed on the FX thread once pending events have run. */
    public static Bounds boundsOf(Node node) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> node.localToScreen(node.getBoundsInLocal()));
    }

    /** Clicks the centre of the node the query finds. */
    public static void click(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        click(robot, onFx(() -> robot.lookup(query).<Node>query()));
    }

    /** Clicks the centre of the node. */
    public static void click(FxRobot robot, Node node) {
        Bounds b = boundsOf(node);
        robot.clickOn(b.getCenterX(), b.getCenterY(), MouseButton.PRIMARY);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read a node's position on the FX thread", e);
        }
    }
}
