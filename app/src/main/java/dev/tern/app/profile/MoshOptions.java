package dev.tern.app.profile;

/**
 * Settings only Mosh tabs use.
 *
 * @param serverCommand    the remote command that starts the server; blank means {@code mosh-server}
 * @param udpPorts         the server's UDP port or range ({@code 60001} or {@code 60001:60010}); blank means any
 * @param udpHostOverride  connect UDP to this host instead of the SSH host (a relay or NAT address); blank: none
 * @param udpPortOverride  send UDP to this port instead of the one mosh-server bound (port translation); null: none
 * @param prediction       speculative local echo; null: the app-wide default from Settings
 * @param predictOverwrite predictions overwrite instead of insert ({@code --predict-overwrite})
 * @param locale           the LANG/LC_ALL asked of the server, e.g. {@code C.UTF-8}; blank: the client's own
 */
public record MoshOptions(String serverCommand, String udpPorts, String udpHostOverride, Integer udpPortOverride,
                          PredictionMode prediction, boolean predictOverwrite, String locale) {

    public static final MoshOptions DEFAULTS = new MoshOptions("", "", "", null, null, false, "");

    public MoshOptions {
        serverCommand = Texts.orEmpty(serverCommand);
        udpPorts = Texts.orEmpty(udpPorts);
        udpHostOverride = Texts.orEmpty(udpHostOverride);
        locale = Texts.orEmpty(locale);
    }

    /** The local echo mode in effect: the profile's own, else the app-wide default. */
    public PredictionMode prediction(AppSettings defaults) {
        return prediction != null ? prediction : defaults.prediction();
    }
}
