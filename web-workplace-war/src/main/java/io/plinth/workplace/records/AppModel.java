package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** What the workplace needs of an app's active model: its types, forms, lists and navigation. */
public record AppModel(String key, String name, int version, List<ModelType> types, List<ModelForm> forms,
                       List<ModelList> lists, List<NavigationEntry> navigation) implements Serializable {

    public AppModel {
        types = List.copyOf(types);
        forms = List.copyOf(forms);
        lists = List.copyOf(lists);
        navigation = List.copyOf(navigation);
    }

    /** The form the builder designed for {@code typeKey}: the first of that type, if any. */
    public Optional<ModelForm> formOf(String typeKey) {
        return forms.stream().filter(f -> f.type().equals(typeKey)).findFirst();
    }

    public Optional<ModelType> type(String typeKey) {
        return types.stream().filter(t -> t.key().equals(typeKey)).findFirst();
    }

    public Optional<ModelList> list(String listKey) {
        return lists.stream().filter(l -> l.key().equals(listKey)).findFirst();
    }

    /** The list the builder designed for {@code typeKey}: the first of that type, if any. */
    public Optional<ModelList> listOf(String typeKey) {
        return lists.stream().filter(l -> l.type().equals(typeKey)).findFirst();
    }
}
