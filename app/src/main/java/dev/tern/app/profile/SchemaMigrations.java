package dev.tern.app.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Brings a profiles document of any older schema up to {@link ProfilesDocument#CURRENT_SCHEMA}, one step at a time,
 * on the JSON tree (so old shapes never need Java classes of their own).
 *
 * <p>Schema 1 (the first prototypes) had {@code "version"}, and per profile {@code "folder"}, {@code "protocol"}, a
 * combined {@code "address": "user@host:port"}, {@code "identityFile"} and {@code "predict"}; some wrote a
 * {@code "password"}. Schema 2 stored a local echo mode in every Mosh profile, {@code "ADAPTIVE"} when nobody chose
 * one. Schema 3 is {@link ProfilesDocument} as it is now: a profile without a mode follows the app-wide default of
 * Settings. Every step also drops anything that looks like a secret, so no secret survives a load-and-save.
 */
public final class SchemaMigrations {
    private static final Set<String> SECRET_KEYS = Set.of("password", "passphrase", "secret", "privatekey",
            "private_key", "token");

    private SchemaMigrations() {
    }

    /** The schema version a document declares (schema 1 used {@code "version"}; none at all means 1). */
    public static int versionOf(JsonNode root) {
        if (root.has("schemaVersion")) {
            return root.get("schemaVersion").asInt(-1);
        }
        return root.path("version").asInt(1);
    }

    /**
     * Migrates {@code root} in place to the current schema and returns notes for the user (e.g. dropped secrets).
     * A document from a newer Tern is left as it is (the caller decides what to do).
     */
    public static Outcome migrate(ObjectNode root) throws ProfilesFileException {
        List<String> notes = new ArrayList<>();
        int version = versionOf(root);
        if (version < 1) {
            throw new ProfilesFileException("schemaVersion " + root.path("schemaVersion") + " is not valid");
        }
        if (version == 1) {
            fromVersion1(root, notes);
            version = 2;
        }
        if (version == 2) {
            fromVersion2(root);
            version = 3;
        }
        int secrets = dropSecrets(root);
        if (secrets > 0) {
            notes.add(secrets + " saved password" + (secrets == 1 ? " was" : "s were") + " removed from the "
                    + "profiles file; Tern keeps passwords only in the system keychain and will ask for them.");
        }
        return new Outcome(List.copyOf(notes), secrets);
    }

    /** Notes for the user, and how many secrets were found (and removed). */
    public record Outcome(List<String> notes, int secretsRemoved) {
    }

    private static void fromVersion1(ObjectNode root, List<String> notes) throws ProfilesFileException {
        root.remove("version");
        root.put("schemaVersion", 2);
        JsonNode profiles = root.path("profiles");
        if (!profiles.isArray()) {
            if (!profiles.isMissingNode()) {
                throw new ProfilesFileException("\"profiles\" must be a list");
            }
            root.set("profiles", JsonNodeFactory.instance.arrayNode());
            return;
        }
        for (JsonNode node : (ArrayNode) profiles) {
            if (!(node instanceof ObjectNode profile)) {
                throw new ProfilesFileException("each entry of \"profiles\" must be an object");
            }
            rename(profile, "folder", "group");
            String protocol = profile.path("protocol").asText("mosh").toUpperCase(Locale.ROOT);
            profile.remove("protocol");
            profile.put("kind", Set.of("MOSH", "SSH", "LOCAL").contains(protocol) ? protocol : "MOSH");
            if (profile.has("address")) {
                String address = profile.remove("address").asText("");
                var parsed = HostAddress.parse(address);
                if (parsed.isPresent()) {
                    profile.put("user", parsed.get().user());
                    profile.put("host", parsed.get().host());
                    if (parsed.get().port() != null) {
                        profile.put("port", parsed.get().port());
                    }
                } else {
                    profile.put("host", address);
                    notes.add("The address '" + address + "' of profile '" + profile.path("name").asText()
                            + "' could not be read; check it in the editor.");
                }
            }
            if (profile.has("identityFile")) {
                profile.put("keyFile", profile.remove("identityFile").asText(""));
                profile.put("auth", "KEY_FILE");
            }
            if (profile.has("predict")) {
                String predict = profile.remove("predict").asText("adaptive").toUpperCase(Locale.ROOT);
                ObjectNode mosh = profile.has("mosh") && profile.get("mosh").isObject()
                        ? (ObjectNode) profile.get("mosh") : profile.putObject("mosh");
                mosh.put("prediction", predict);
            }
        }
    }

    /**
     * Schema 2 had no way to say "the default": every profile held ADAPTIVE unless someone picked another mode, and
     * ADAPTIVE was also the default. Turning it into "follow Settings" changes nothing until the default changes,
     * which is then what the user wants; a mode anyone picked deliberately other than ADAPTIVE stays.
     */
    private static void fromVersion2(ObjectNode root) {
        root.put("schemaVersion", 3);
        for (JsonNode profile : root.path("profiles")) {
            if (profile.path("mosh") instanceof ObjectNode mosh
                    && "ADAPTIVE".equalsIgnoreCase(mosh.path("prediction").asText(""))) {
                mosh.remove("prediction");
            }
        }
    }

    private static void rename(ObjectNode node, String from, String to) {
        if (node.has(from)) {
            node.set(to, node.remove(from));
        }
    }

    /** Removes secret-looking fields at any depth; returns how many non-empty ones were removed. */
    static int dropSecrets(JsonNode node) {
        int removed = 0;
        if (node instanceof ObjectNode object) {
            List<String> doomed = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (SECRET_KEYS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                    doomed.add(field.getKey());
                    if (!field.getValue().asText("").isEmpty()) {
                        removed++;
                    }
                } else {
                    removed += dropSecrets(field.getValue());
                }
            }
            doomed.forEach(object::remove);
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                removed += dropSecrets(element);
            }
        }
        return removed;
    }
}
