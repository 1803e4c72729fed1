package dev.tern.app.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a profile field by field and says, per field, what to fix. The editor shows each message under its field;
 * the store refuses nothing (a file edited by hand still loads), so the rules live only here.
 */
public final class ProfileValidator {
    public static final int MAX_NAME_LENGTH = 80;
    private static final Pattern UDP_PORTS = Pattern.compile("(\\d{1,5})(?::(\\d{1,5}))?");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z0-9_.@-]+");

    private ProfileValidator() {
    }

    /** Messages by field; empty when the profile is fine. */
    public static Map<ProfileField, String> validate(Profile profile) {
        Map<ProfileField, String> errors = new EnumMap<>(ProfileField.class);
        if (profile.name().isEmpty()) {
            errors.put(ProfileField.NAME, "A name is required");
        } else if (profile.name().length() > MAX_NAME_LENGTH) {
            errors.put(ProfileField.NAME, "At most " + MAX_NAME_LENGTH + " characters");
        } else if (hasControlCharacters(profile.name())) {
            errors.put(ProfileField.NAME, "No control characters");
        }
        if (profile.group().length() > MAX_NAME_LENGTH || hasControlCharacters(profile.group())) {
            errors.put(ProfileField.GROUP, "At most " + MAX_NAME_LENGTH + " printable characters");
        }
        if (profile.kind().isRemote()) {
            validateRemote(profile, errors);
        }
        Integer fontSize = profile.terminal().fontSize();
        if (fontSize != null && (fontSize < 6 || fontSize > 72)) {
            errors.put(ProfileField.FONT_SIZE, "Font size must be from 6 to 72");
        }
        return Collections.unmodifiableMap(errors);
    }

    private static void validateRemote(Profile profile, Map<ProfileField, String> errors) {
        if (profile.host().isEmpty()) {
            errors.put(ProfileField.HOST, "A host name or address is required");
        } else if (profile.host().contains("@")) {
            errors.put(ProfileField.HOST, "Put the user name in the User field");
        } else if (!HostAddress.isValidHostName(profile.host())) {
            errors.put(ProfileField.HOST, "Not a valid host name or address");
        }
        if (profile.port() != null && (profile.port() < 1 || profile.port() > 65535)) {
            errors.put(ProfileField.PORT, "Port must be from 1 to 65535");
        }
        if (!profile.user().isEmpty() && !HostAddress.isValidUser(profile.user())) {
            errors.put(ProfileField.USER, "No spaces, '@', ':' or slashes");
        }
        if (profile.auth() == AuthMethod.KEY_FILE && profile.keyFile().isEmpty()) {
            errors.put(ProfileField.KEY_FILE, "Choose the private key file");
        }
        if (!profile.jumpHost().isEmpty()) {
            for (String hop : profile.jumpHost().split(",")) {
                if (HostAddress.parseOrExplain(hop) instanceof HostAddress.Invalid(String message)) {
                    errors.put(ProfileField.JUMP_HOST, message + " (form: [user@]host[:port], comma-separated)");
                    break;
                }
            }
        }
        if (profile.kind() == ConnectionKind.MOSH) {
            validateMosh(profile.mosh(), errors);
        }
    }

    private static void validateMosh(MoshOptions mosh, Map<ProfileField, String> errors) {
        if (hasControlCharacters(mosh.serverCommand())) {
            errors.put(ProfileField.SERVER_COMMAND, "No control characters");
        }
        String udpPortsMessage = udpPortsProblem(mosh.udpPorts());
        if (udpPortsMessage != null) {
            errors.put(ProfileField.UDP_PORTS, udpPortsMessage);
        }
        if (!mosh.udpHostOverride().isEmpty() && !HostAddress.isValidHostName(mosh.udpHostOverride())) {
            errors.put(ProfileField.UDP_HOST_OVERRIDE, "Not a valid host name or address");
        }
        Integer override = mosh.udpPortOverride();
        if (override != null && (override < 1 || override > 65535)) {
            errors.put(ProfileField.UDP_PORT_OVERRIDE, "Port must be from 1 to 65535");
        }
        if (!mosh.locale().isEmpty() && !LOCALE.matcher(mosh.locale()).matches()) {
            errors.put(ProfileField.LOCALE, "A locale name such as C.UTF-8 or en_US.UTF-8");
        }
        Long timeout = mosh.serverTimeoutSeconds();
        if (timeout != null && (timeout < 0 || timeout > MoshOptions.MAX_SERVER_TIMEOUT_SECONDS)) {
            errors.put(ProfileField.SERVER_TIMEOUT, "A time such as 7d, 12h or 30m (never: servers wait forever)");
        }
        Integer history = mosh.historyMegabytes();
        if (history != null && (history < 0 || history > MoshOptions.MAX_HISTORY_MEGABYTES)) {
            errors.put(ProfileField.HISTORY_SIZE, "Megabytes from 0 (complete history off) to "
                    + MoshOptions.MAX_HISTORY_MEGABYTES);
        }
    }

    /** Why a UDP port or range is wrong, or null when it is fine (blank is fine: any port). */
    public static String udpPortsProblem(String text) {
        if (text.isEmpty()) {
            return null;
        }
        var matcher = UDP_PORTS.matcher(text);
        if (!matcher.matches()) {
            return "A port (60001) or a range (60001:60010)";
        }
        Integer low = HostAddress.parsePort(matcher.group(1));
        Integer high = matcher.group(2) == null ? low : HostAddress.parsePort(matcher.group(2));
        if (low == null || high == null) {
            return "Ports must be from 1 to 65535";
        }
        if (high < low) {
            return "The range must go from low to high";
        }
        return null;
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
