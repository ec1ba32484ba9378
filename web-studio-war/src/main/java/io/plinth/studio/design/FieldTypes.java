package io.plinth.studio.design;

/** The field type of a field of a type, by keys (null when unknown): what a condition's value is typed for. */
@FunctionalInterface
interface FieldTypes {

    String of(String typeKey, String fieldKey);
}
