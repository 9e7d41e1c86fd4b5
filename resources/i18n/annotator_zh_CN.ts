<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotatorPicker</name>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="74" />
        <source>Review with these annotators</source>
        <translation>用这些标注员审核</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="76" />
        <source>Choose two or more. In the text each annotator has a colour; where they overlap the colours mix; gold is underlined.</source>
        <translation>请选择两位或以上。文中每位标注员一种颜色，重叠处颜色混合；金标准带下划线。</translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <location filename="../../annotator/gui/widgets/attribute_editor.py" line="40" />
        <source>Select a span to see its attributes</source>
        <translation>选择一个标注以查看其属性</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/attribute_editor.py" line="59" />
        <source>Suggestion: accept it (Enter) to edit its attributes</source>
        <translation>这是建议：先接受（Enter）才能编辑属性</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="19" />
        <source>The project is read-only: decisions cannot be saved.</source>
        <translation>项目为只读：裁决无法保存。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="22" />
        <source>Nothing to decide here.</source>
        <translation>这里没有需要裁决的内容。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="35" />
        <source>Choose an open disagreement first (N / P).</source>
        <translation>请先选择一条待裁决分歧（N / P）。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="45" />
        <location filename="../../annotator/gui/review/decisions.py" line="55" />
        <source>{0} has no span here.</source>
        <translation>{0}在此处没有标注。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="47" />
        <location filename="../../annotator/gui/review/decisions.py" line="57" />
        <source>Take {0}</source>
        <translation>采用{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="65" />
        <source>Select the gold extent in the text first, then press E.</source>
        <translation>请先在文中选出金标准范围，再按 E。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="67" />
        <source>Edit boundaries</source>
        <translation>修改边界</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="77" />
        <source>Relabel</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="82" />
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="87" />
        <source>Select the text of the new gold span first, then press G.</source>
        <translation>请先选择新金标准标注的文字，再按 G。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="91" />
        <source>Add gold span</source>
        <translation>添加金标准标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="97" />
        <source>Accept all of {0} in section</source>
        <translation>接受本节中{0}的全部标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="97" />
        <source>Reject {0}'s extra spans in section</source>
        <translation>拒绝本节中{0}多出的标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="104" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="33" />
        <source>boundary differs</source>
        <translation>边界不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="33" />
        <source>label differs</source>
        <translation>标签不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="34" />
        <source>boundary + label differ</source>
        <translation>边界和标签都不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="35" />
        <source>attributes differ</source>
        <translation>属性不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="35" />
        <source>only B</source>
        <translation>仅 B</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="36" />
        <source>only A</source>
        <translation>仅 A</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="36" />
        <source>not everyone</source>
        <translation>并非所有人</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="38" />
        <source>taken</source>
        <translation>已采用</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="38" />
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="38" />
        <source>relabelled</source>
        <translation>已改标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="39" />
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="39" />
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="61" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="61" />
        <source>A: {0}</source>
        <translation>A：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="61" />
        <source>B: {0}</source>
        <translation>B：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="62" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="62" />
        <source>Decision</source>
        <translation>裁决</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="33" />
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="33" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="34" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="44" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="44" />
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="44" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="15" />
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="18" />
        <source>Your name as an annotator (saved with every label you make):</source>
        <translation>您的标注员姓名（会随每条标注一起保存）：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="26" />
        <source>Start with:</source>
        <translation>开始方式：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="28" />
        <source>The sample speeches</source>
        <translation>示例讲话稿</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="28" />
        <source>Import speeches…</source>
        <translation>导入讲话稿…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="29" />
        <source>An empty project</source>
        <translation>空项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="38" />
        <source>Please enter a name</source>
        <translation>请输入姓名</translation>
    </message>
</context>
<context>
    <name>GoldScores</name>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="119" />
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="119" />
        <source>P</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="119" />
        <source>R</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="119" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="120" />
        <source>relaxed F1</source>
        <translation>宽松 F1</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="13" />
        <source>Import report: {0}</source>
        <translation>导入报告：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="16" />
        <source>Source: {0}
Encoding: {1}
Removed regions: {2}</source>
        <translation>来源：{0}
编码：{1}
删除的区域：{2}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="20" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="20" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="20" />
        <source>Removed text</source>
        <translation>删除的文字</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="80" />
        <source>Read-only: this project file cannot be written; changes are disabled.</source>
        <translation>只读：无法写入此项目文件，修改已禁用。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="96" />
        <source>Search the speeches (Chinese full text)…</source>
        <translation>全文检索讲话稿…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="103" />
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="126" />
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="353" />
        <source>Suggestions failed: {0}</source>
        <translation>生成建议失败：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="360" />
        <source>{0} suggestions</source>
        <translation>{0} 条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="364" />
        <source>Import speeches</source>
        <translation>导入讲话稿</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="365" />
        <source>Speeches (*.txt *.md *.docx *.html *.htm);;All files (*)</source>
        <translation>讲话稿 (*.txt *.md *.docx *.html *.htm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="370" />
        <source>Import a folder of speeches</source>
        <translation>导入讲话稿文件夹</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="386" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="386" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="406" />
        <location filename="../../annotator/gui/main_window.py" line="421" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="414" />
        <source>Imported {0}, skipped as duplicate {1}, failed {2}.</source>
        <translation>已导入 {0} 篇，重复跳过 {1} 篇，失败 {2} 篇。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="417" />
        <source>(cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="436" />
        <source>Export labels</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="443" />
        <source>Import labels</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="451" />
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="475" />
        <source>Export / import</source>
        <translation>导出 / 导入</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="518" />
        <location filename="../../annotator/gui/main_window.py" line="521" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="518" />
        <source>Projects (*.db);;All files (*)</source>
        <translation>项目文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="522" />
        <source>Restart the annotator to open {0}, or run: annotator "{0}"</source>
        <translation>请重新启动标注工具以打开 {0}，或运行：annotator "{0}"</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="533" />
        <source>The language changes at the next start.</source>
        <translation>界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="546" />
        <source>Speech Structure Annotator</source>
        <translation>讲话结构标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="550" />
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="557" />
        <source>{0} | documents done {1}/{2} | spans {3} | open suggestions {4}</source>
        <translation>{0} | 已完成文档 {1}/{2} | 标注 {3} | 待处理建议 {4}</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../annotator/gui/models/outline_model.py" line="16" />
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/outline_model.py" line="16" />
        <source>Tags</source>
        <translation>标注数</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/outline_model.py" line="28" />
        <source>Title boundary inferred (confidence {0:.0%})</source>
        <translation>标题边界为推断（置信度 {0:.0%}）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="11" />
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="14" />
        <source>Annotator name</source>
        <translation>标注员姓名</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="16" />
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="19" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="21" />
        <source>Trim spaces and punctuation</source>
        <translation>去除首尾空格和标点</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="21" />
        <source>Whole clause</source>
        <translation>整个分句</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="22" />
        <source>Whole sentence</source>
        <translation>整句</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="25" />
        <source>Selections snap to</source>
        <translation>选区对齐方式</translation>
    </message>
</context>
<context>
    <name>ReviewKeys</name>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="25" />
        <source>Next open disagreement</source>
        <translation>下一条待裁决分歧</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="27" />
        <source>Previous open disagreement</source>
        <translation>上一条待裁决分歧</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="29" />
        <source>Next open in this section</source>
        <translation>本节下一条待裁决</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="32" />
        <source>Previous open in this section</source>
        <translation>本节上一条待裁决</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="34" />
        <source>Take A</source>
        <translation>采用 A</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="36" />
        <source>Take B</source>
        <translation>采用 B</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="38" />
        <source>Edit boundaries (use the text selection)</source>
        <translation>修改边界（使用所选文字）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="41" />
        <source>Relabel…</source>
        <translation>更改标签…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="43" />
        <source>Reject (both wrong)</source>
        <translation>拒绝（两者都错）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="45" />
        <source>Add a gold span over the selection…</source>
        <translation>将所选文字添加为金标准标注…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="47" />
        <source>Reopen (remove the decision)</source>
        <translation>重新打开（撤除裁决）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="50" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="52" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="58" />
        <source>&amp;Decide</source>
        <translation>裁决(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="63" />
        <source>&amp;Go</source>
        <translation>跳转(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="66" />
        <source>&amp;Section</source>
        <translation>章节(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="67" />
        <source>Take the span of annotator…</source>
        <translation>采用某标注员的标注…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="81" />
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="84" />
        <source>Accept all of {0}'s spans in this section</source>
        <translation>接受{0}在本节的全部标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="86" />
        <source>Reject {0}'s spans nobody else made in this section</source>
        <translation>拒绝本节中只有{0}标注的内容</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="111" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="113" />
        <source>Document: </source>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="120" />
        <source>Annotators</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="122" />
        <source>Against gold (this document)</source>
        <translation>对照金标准（本文档）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="124" />
        <source>Annotators and gold</source>
        <translation>标注员与金标准</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="176" />
        <source>This document needs spans from at least two annotators to review.</source>
        <translation>本文档至少需要两位标注员的标注才能审核。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="179" />
        <source>Review — {0}</source>
        <translation>审核 — {0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="225" />
        <source>Open {0} of {1} disagreements</source>
        <translation>待裁决分歧 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="232" />
        <source>Agreement of {0}: strict F1 {1}, relaxed F1 {2}</source>
        <translation>{0}的一致性：严格 F1 {1}，宽松 F1 {2}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="235" />
        <source>read-only project: decisions cannot be saved</source>
        <translation>只读项目：裁决无法保存</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="252" />
        <source>No disagreement selected.</source>
        <translation>未选择分歧。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="266" />
        <source>Decided: {0}</source>
        <translation>已裁决：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="298" />
        <source>No more open disagreements that way.</source>
        <translation>该方向没有更多待裁决分歧。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../annotator/gui/session.py" line="58" />
        <source>Document {0} no longer exists</source>
        <translation>文档 {0} 已不存在</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="39" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="39" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="39" />
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="39" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="58" />
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="58" />
        <source>tagged</source>
        <translation>已标注</translation>
    </message>
</context>
<context>
    <name>TaggingController</name>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="51" />
        <source>This project is open read-only; nothing can be changed.</source>
        <translation>此项目以只读方式打开，无法修改。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="83" />
        <source>Select some text first</source>
        <translation>请先选择文字</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="85" />
        <location filename="../../annotator/gui/tagging.py" line="127" />
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="87" />
        <source>Change label</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="91" />
        <source>Nothing to tag in the selection (only spaces or punctuation)</source>
        <translation>所选内容只有空格或标点，无法标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="96" />
        <source>This exact span is already tagged</source>
        <translation>完全相同的标注已存在</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="98" />
        <source>Tag span</source>
        <translation>添加标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="107" />
        <source>Remove span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="113" />
        <source>Edit attributes</source>
        <translation>编辑属性</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="125" />
        <location filename="../../annotator/gui/tagging.py" line="133" />
        <source>No suggestion under the cursor</source>
        <translation>光标处没有建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="135" />
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="142" />
        <source>No open suggestions in this document</source>
        <translation>本文档没有待处理的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="165" />
        <source>No open suggestions in this section</source>
        <translation>本节没有待处理的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="168" />
        <source>Accept all in section</source>
        <translation>接受本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="168" />
        <source>Reject all in section</source>
        <translation>拒绝本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="198" />
        <source>Add heading</source>
        <translation>添加标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="205" />
        <source>Remove heading</source>
        <translation>删除标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="212" />
        <source>Promote heading</source>
        <translation>标题升级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="212" />
        <source>Demote heading</source>
        <translation>标题降级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="223" />
        <source>Set title end</source>
        <translation>设置标题结尾</translation>
    </message>
</context>
<context>
    <name>_Builder</name>
    <message>
        <location filename="../../annotator/gui/actions.py" line="44" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="46" />
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="47" />
        <source>Import the sample speeches</source>
        <translation>导入示例讲话稿</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="48" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="49" />
        <source>Export labels…</source>
        <translation>导出标注…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="50" />
        <source>Import labels…</source>
        <translation>导入标注…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="52" />
        <source>Import report of this document</source>
        <translation>本文档的导入报告</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="54" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="55" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="62" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="64" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="67" />
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="69" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="74" />
        <source>Tag as {0}</source>
        <translation>标注为{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="80" />
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="84" />
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="86" />
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="87" />
        <source>Next suggestion</source>
        <translation>下一条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="89" />
        <source>Previous suggestion</source>
        <translation>上一条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="91" />
        <source>Accept all in this section</source>
        <translation>接受本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="93" />
        <source>Reject all in this section</source>
        <translation>拒绝本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="95" />
        <source>Suggest again for this document</source>
        <translation>重新生成本文档的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="97" />
        <source>&amp;Suggestions</source>
        <translation>建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="103" />
        <source>Add heading at selection</source>
        <translation>将所选内容设为标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="104" />
        <source>Remove heading</source>
        <translation>删除标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="105" />
        <source>Promote heading</source>
        <translation>标题升级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="106" />
        <source>Demote heading</source>
        <translation>标题降级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="107" />
        <source>Title ends at cursor</source>
        <translation>标题在光标处结束</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="108" />
        <source>S&amp;tructure</source>
        <translation>结构(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="112" />
        <source>Next document</source>
        <translation>下一篇文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="113" />
        <source>Previous document</source>
        <translation>上一篇文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="115" />
        <source>Next section</source>
        <translation>下一节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="117" />
        <source>Previous section</source>
        <translation>上一节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="119" />
        <source>Mark document done</source>
        <translation>标记本文档完成</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="120" />
        <source>Review and adjudicate…</source>
        <translation>审核与裁决…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="122" />
        <source>&amp;Navigate</source>
        <translation>导航(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="129" />
        <source>Tagging</source>
        <translation>标注</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="31" />
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="31" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="31" />
        <source>Open</source>
        <translation>待裁决</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="43" />
        <source>{0}
strict F1 of the annotators in this section: {1}</source>
        <translation>{0}
本节标注员的严格 F1：{1}</translation>
    </message>
</context>
</TS>