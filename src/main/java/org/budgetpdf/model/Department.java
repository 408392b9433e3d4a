package org.budgetpdf.model;

import org.budgetpdf.diag.SourcePos;

import java.util.List;

/**
 * @param dutiesIntro  the paragraph before the numbered duties (empty when not given)
 * @param duties       numbered duties, printed （一）（二）…
 * @param organization paragraphs on internal offices (机构设置); empty when not given
 * @param staffQuota   编制人数, null when not given; likewise {@code staffActual}; {@code head} 负责人, {@code contact}
 *                     联系人, {@code phone} 联系电话, {@code budgetCode} 预算编码 (the finance system's code) empty when not given
 */
public record Department(String name, String code, GovLevel level, String dutiesIntro, List<String> duties,
                         List<String> organization, Integer staffQuota, Integer staffActual, String head,
                         String contact, String phone, String budgetCode, SourcePos pos) {
}
