package dev.shadowbench;

/** Test access to the launcher's dispatch rule. */
public final class MainAccess {
    private MainAccess() {}

    public static boolean opensWindow(String... args) {
        return Main.opensWindow(args);
    }
}
