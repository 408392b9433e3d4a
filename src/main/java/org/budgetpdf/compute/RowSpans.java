package org.budgetpdf.compute;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Rowspans of a two-level grouped table (一级/二级指标): for each row, how many rows its 一级 and 二级 cells
 * span when the row starts a group, 0 when an earlier row's cell covers it.
 */
public record RowSpans(int[] level1, int[] level2) {

    public static <T> RowSpans of(List<T> rows, Function<T, String> l1, Function<T, String> l2) {
        int n = rows.size();
        int[] s1 = new int[n];
        int[] s2 = new int[n];
        for (int i = 0; i < n; i++) {
            T x = rows.get(i);
            boolean first1 = i == 0 || !Objects.equals(l1.apply(rows.get(i - 1)), l1.apply(x));
            boolean first2 = first1 || !Objects.equals(l2.apply(rows.get(i - 1)), l2.apply(x));
            if (first1) {
                int k = 1;
                while (i + k < n && Objects.equals(l1.apply(rows.get(i + k)), l1.apply(x))) k++;
                s1[i] = k;
            }
            if (first2) {
                int k = 1;
                while (i + k < n && Objects.equals(l1.apply(rows.get(i + k)), l1.apply(x))
                        && Objects.equals(l2.apply(rows.get(i + k)), l2.apply(x))) k++;
                s2[i] = k;
            }
        }
        return new RowSpans(s1, s2);
    }
}
