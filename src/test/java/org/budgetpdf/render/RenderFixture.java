package org.budgetpdf.render;

import java.nio.file.Path;
import java.time.LocalDate;

/** A small document exercising what the budget PDFs need: fonts, page sizes, TOC, long table. */
final class RenderFixture {
    private RenderFixture() {
    }

    static final Path FONTS = Path.of("fonts");

    static final int TABLE_ROWS = 75;

    static final PdfMeta META = new PdfMeta("某某市财政局2025年部门预算", "某某市财政局",
            "2025年部门预算公开", "部门预算, 预算公开, 2025", "zh-CN", LocalDate.of(2025, 2, 14));

    static String row(int i) {
        return "<tr><td>20101%02d</td><td>第%03d项 一般公共服务支出</td><td>%d.00</td><td>%d.50</td></tr>"
                .formatted(i % 100, i, 1000 + i, 900 + i);
    }

    static String xhtml() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= TABLE_ROWS; i++) {
            rows.append(row(i)).append('\n');
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
                <head>
                <title>某某市财政局2025年部门预算</title>
                <meta name="author" content="某某市财政局"/>
                <meta name="subject" content="2025年部门预算公开"/>
                <meta name="keywords" content="部门预算, 预算公开, 2025"/>
                <bookmarks>
                  <bookmark name="目录" href="#toc"/>
                  <bookmark name="第一部分 部门概况" href="#p1">
                    <bookmark name="一、主要职能" href="#p1-1"/>
                  </bookmark>
                  <bookmark name="第二部分 收支预算表" href="#p2"/>
                  <bookmark name="第三部分 横排表" href="#p3"/>
                </bookmarks>
                <style>
                @page { size: A4; margin: 20mm 15mm;
                  @bottom-center { content: "第 " counter(page) " 页"; font-family: 'Noto Serif SC'; font-size: 9pt; } }
                @page land { size: A4 landscape; margin: 15mm; }
                body { font-family: 'Noto Serif SC'; font-size: 11pt; line-height: 1.6; margin: 0; }
                h1, h2 { font-family: 'Noto Sans SC'; font-weight: bold;
                         page-break-after: avoid; page-break-inside: avoid; }
                h1 { font-size: 16pt; }
                h2 { font-size: 13pt; }
                .toc a { display: block; text-decoration: none; color: #000; }
                .toc a::after { content: leader(dotted) target-counter(attr(href), page); }
                .part { page-break-before: always; }
                table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }
                tr { page-break-inside: avoid; }
                th, td { border: 0.5pt solid #333; padding: 2pt 4pt; }
                th { font-family: 'Noto Sans SC'; font-weight: bold; }
                td.num { text-align: right; }
                .land { page: land; width: 267mm; }
                </style>
                </head>
                <body>
                <div id="toc">
                  <h1>目　录</h1>
                  <div class="toc">
                    <a href="#p1">第一部分 部门概况</a>
                    <a href="#p1-1">一、主要职能</a>
                    <a href="#p2">第二部分 收支预算表</a>
                    <a href="#p3">第三部分 横排表</a>
                  </div>
                </div>
                <div class="part">
                  <h1 id="p1">第一部分 部门概况</h1>
                  <h2 id="p1-1">一、主要职能</h2>
                  <p>贯彻执行国家有关财政、税收方面的方针政策和法律法规，拟订全市财政发展规划和政策措施。</p>
                  <p>承担市级各项财政收支管理的责任，负责编制年度市级预决算草案并组织执行。</p>
                </div>
                <div class="part">
                  <h1 id="p2">第二部分 收支预算表</h1>
                  <table>
                    <thead>
                      <tr><th colspan="2">项　目</th><th colspan="2">金额（万元）</th></tr>
                      <tr><th>科目编码</th><th>科目名称</th><th>2025年预算数</th><th>2024年执行数</th></tr>
                    </thead>
                    <tbody>
                @ROWS@
                    </tbody>
                  </table>
                </div>
                <div class="part land">
                  <h1 id="p3">第三部分 横排表</h1>
                  <table>
                    <thead><tr><th>单位名称</th><th>合计</th><th>基本支出</th><th>项目支出</th>
                      <th>上缴上级支出</th><th>事业单位经营支出</th><th>对下级单位补助支出</th></tr></thead>
                    <tbody>
                      <tr><td>某某市财政局（本级）</td><td>5,120.00</td><td>3,100.00</td><td>2,020.00</td>
                        <td>0.00</td><td>0.00</td><td>0.00</td></tr>
                    </tbody>
                  </table>
                </div>
                </body>
                </html>
                """.replace("@ROWS@", rows);
    }
}
