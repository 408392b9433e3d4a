package org.budgetpdf.model;

import java.util.Arrays;
import java.util.Optional;

/** Enums whose constants are written in the data files by their Chinese label. */
public interface Labeled {
    String label();

    static <E extends Enum<E> & Labeled> Optional<E> byLabel(Class<E> type, String label) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(label)).findFirst();
    }

    static <E extends Enum<E> & Labeled> String labels(Class<E> type) {
        return String.join("、", Arrays.stream(type.getEnumConstants()).map(Labeled::label).toList());
    }
}
