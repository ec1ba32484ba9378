package io.plinth.workflow.definitions;

import io.plinth.kernel.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape a process definition must have: {@code initial} names one of {@code states} (a
 * non-empty array of unique names), and each of the optional {@code transitions} goes
 * {@code from} a known state {@code to} a known state on an {@code event}, at most one target per
 * state and event. Every problem is reported with its JSON path, e.g. {@code definition.transitions[2].to}.
 * Members not named here are kept as they are, for later features of the engine.
 */
final class StateMachineRules {

    static final int MAX_JSON_CHARS = 262_144;
    static final int MAX_STATES = 1_000;
    static final int MAX_TRANSITIONS = 10_000;
    static final int MAX_NAME_CHARS = 100;
    /** Enough to fix a definition by; a broken generated definition would otherwise answer with thousands. */
    static final int MAX_ERRORS = 100;

    private static final String ROOT = "definition";

    private final List<FieldError> errors = new ArrayList<>();

    private StateMachineRules() {
    }

    /** The problems of the definition; empty when it is valid. */
    static List<FieldError> check(JsonValue value) {
        StateMachineRules rules = new StateMachineRules();
        if (!(value instanceof JsonObject definition)) {
            rules.error(ROOT, "must be a JSON object with initial, states and transitions");
        } else if (definition.toString().length() > MAX_JSON_CHARS) {
            rules.error(ROOT, "must be at most " + MAX_JSON_CHARS + " characters as JSON");
        } else {
            Set<String> states = rules.states(definition.get("states"));
            rules.initial(definition.get("initial"), states);
            rules.transitions(definition.get("transitions"), states);
        }
        return rules.errors.size() > MAX_ERRORS ? List.copyOf(rules.errors.subList(0, MAX_ERRORS)) : rules.errors;
    }

    /** The valid state names, so later checks can tell known states from unknown ones. */
    private Set<String> states(JsonValue value) {
        String path = ROOT + ".states";
        if (value == null) {
            error(path, "is required");
            return Set.of();
        }
        if (!(value instanceof JsonArray array)) {
            error(path, "must be an array of state names");
            return Set.of();
        }
        if (array.isEmpty()) {
            error(path, "must name at least one state");
        } else if (array.size() > MAX_STATES) {
            error(path, "must name at most " + MAX_STATES + " states");
            return Set.of();
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path + "[" + i + "]";
            String name = name(array.get(i), itemPath);
            if (name != null) {
                Integer first = seen.putIfAbsent(name, i);
                if (first != null) {
                    error(itemPath, "duplicates " + path + "[" + first + "]: '" + name + "'");
                }
            }
        }
        return seen.keySet();
    }

    private void initial(JsonValue value, Set<String> states) {
        String path = ROOT + ".initial";
        if (value == null) {
            error(path, "is required");
            return;
        }
        String name = name(value, path);
        if (name != null && !states.isEmpty() && !states.contains(name)) {
            error(path, "must be one of the states, not '" + name + "'");
        }
    }

    private void transitions(JsonValue value, Set<String> states) {
        String path = ROOT + ".transitions";
        if (value == null) {
            return;
        }
        if (!(value instanceof JsonArray array)) {
            error(path, "must be an array of transitions");
            return;
        }
        if (array.size() > MAX_TRANSITIONS) {
            error(path, "must have at most " + MAX_TRANSITIONS + " transitions");
            return;
        }
        Map<String, Integer> firstByStateAndEvent = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (!(array.get(i) instanceof JsonObject transition)) {
                error(itemPath, "must be an object with from, to and event");
                continue;
            }
            String from = state(transition.get("from"), itemPath + ".from", states);
            state(transition.get("to"), itemPath + ".to", states);
            String event = required(transition.get("event"), itemPath + ".event");
            if (from != null && event != null) {
                Integer first = firstByStateAndEvent.putIfAbsent(from + '\u0000' + event, i);
                if (first != null) {
                    error(itemPath + ".event", "duplicates " + path + "[" + first + "]: state '" + from
                            + "' already has a transition on '" + event + "'");
                }
            }
        }
    }

    private String state(JsonValue value, String path, Set<String> states) {
        String name = required(value, path);
        if (name != null && !states.isEmpty() && !states.contains(name)) {
            error(path, "must name one of the states, not '" + name + "'");
            return null;
        }
        return name;
    }

    private String required(JsonValue value, String path) {
        if (value == null) {
            error(path, "is required");
            return null;
        }
        return name(value, path);
    }

    /** A state or event name: a non-blank string of bounded length; null (with an error) otherwise. */
    private String name(JsonValue value, String path) {
        if (!(value instanceof JsonString string)) {
            error(path, "must be a string");
            return null;
        }
        String name = string.getString();
        if (name.isBlank()) {
            error(path, "must not be blank");
            return null;
        }
        if (name.length() > MAX_NAME_CHARS) {
            error(path, "must be at most " + MAX_NAME_CHARS + " characters");
            return null;
        }
        return name;
    }

    private void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }
}
