package dev.tern.app.ui;

import dev.tern.app.profile.Profile;

/** What the sidebar asks the main window to do. */
public interface SidebarActions {
    void connect(Profile profile);

    void edit(Profile profile);

    void duplicate(Profile profile);

    void delete(Profile profile);

    void copyCommandLine(Profile profile);

    /** A new profile, pre-filled with {@code group} (blank for none). */
    void create(String group);

    /** Imports hosts from {@code ~/.ssh/config} (or a config file the user picks when there is none). */
    void importSshConfig();
}
