package org.budgetpdf.bind;

import org.budgetpdf.model.DocKind;
import org.budgetpdf.model.Labeled;

import java.util.Arrays;
import java.util.List;

/**
 * What the value of a data-file key may be. The binder reads each key as its shape says ({@link Reader} refuses a
 * getter that does not fit), and the JSON Schema for editors is generated from the same shapes, so the two agree.
 */
sealed interface Shape {
    /** A scalar read as text. */
    record Text() implements Shape {
    }

    /** Money as the file writes it (万元, or 元 after 金额单位: 元), at most two decimals; negative only when signed. */
    record Amount(boolean signed) implements Shape {
    }

    /** A non-negative whole number (people, vehicles, projects). */
    record Count() implements Shape {
    }

    /** A non-negative decimal that is not money (a score, an area). */
    record Decimal() implements Shape {
    }

    /** A four-digit year. */
    record Year() implements Shape {
    }

    /** A date written "2025-03-01". */
    record Date() implements Shape {
    }

    /** A classification code of one of the given numbers of digits; {@code what} names it in messages. */
    record Code(String what, List<Integer> digits) implements Shape {
    }

    /** One of a fixed list of labels; {@code what} names the list in messages. */
    record Choice(String what, List<String> labels) implements Shape {
    }

    /** A list of items of one shape. */
    record ListOf(Shape item) implements Shape {
    }

    /** A mapping whose keys are the section's keys. */
    record Fields(Section section) implements Shape {
    }

    /** A mapping whose keys are data (a code, a name), each with a value of one shape. */
    record Entries(Shape key, String keyDoc, String keyExample, Shape value) implements Shape {
    }

    /** Any one of several shapes (a code, or {编码, 名称}). */
    record Either(List<Shape> options) implements Shape {
    }

    /** A key whose shape depends on the document kind (三公经费 of a 预算 and of a 决算). */
    record PerKind(Shape budget, Shape finalAccounts) implements Shape {
        Shape of(DocKind kind) {
            return kind == DocKind.FINAL_ACCOUNTS ? finalAccounts : budget;
        }
    }

    Shape TEXT = new Text();
    Shape AMOUNT = new Amount(false);
    Shape SIGNED_AMOUNT = new Amount(true);
    Shape COUNT = new Count();
    Shape NUMBER = new Decimal();
    Shape YEAR = new Year();
    Shape DATE = new Date();
    Shape TEXTS = new ListOf(TEXT);

    static Shape code(String what, Integer... digits) {
        return new Code(what, List.of(digits));
    }

    static <E extends Enum<E> & Labeled> Shape choice(String what, Class<E> type) {
        return new Choice(what, Arrays.stream(type.getEnumConstants()).map(Labeled::label).toList());
    }

    static Shape fields(Section s) {
        return new Fields(s);
    }

    static Shape listOf(Section s) {
        return new ListOf(new Fields(s));
    }

    static Shape either(Shape... options) {
        return new Either(List.of(options));
    }

    /** How the binder reads a value; each shape allows some of these. */
    enum Read { TEXT, CODE, AMOUNT, SIGNED_AMOUNT, COUNT, NUMBER, LABEL, MAPPING, LIST, TEXTS }

    /** Whether the binder may read a value of this shape so. */
    default boolean allows(Read how) {
        if (this instanceof Text || this instanceof Date) return how == Read.TEXT;
        if (this instanceof Amount a) return how == (a.signed() ? Read.SIGNED_AMOUNT : Read.AMOUNT);
        if (this instanceof Count || this instanceof Year) return how == Read.COUNT;
        if (this instanceof Decimal) return how == Read.NUMBER;
        if (this instanceof Code) return how == Read.CODE;
        if (this instanceof Choice) return how == Read.LABEL || how == Read.TEXT;
        if (this instanceof ListOf l) return how == (l.item() instanceof Text ? Read.TEXTS : Read.LIST);
        if (this instanceof Fields || this instanceof Entries) return how == Read.MAPPING;
        if (this instanceof Either e) return e.options().stream().anyMatch(o -> o.allows(how));
        PerKind p = (PerKind) this;
        return p.budget().allows(how) || p.finalAccounts().allows(how);
    }
}
