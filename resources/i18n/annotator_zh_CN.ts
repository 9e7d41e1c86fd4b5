<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnotatorPicker</name>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="79"/>
        <source>Review with these annotators</source>
        <translation>用这些标注员审核</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="81"/>
        <source>Choose two or more. In the text each annotator has a colour; where they overlap the colours mix; gold is underlined.</source>
        <translation>请选择两位或以上。文中每位标注员一种颜色，重叠处颜色混合；金标准带下划线。</translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <location filename="../../annotator/gui/widgets/attribute_editor.py" line="50"/>
        <source>Select a span to see its attributes</source>
        <translation>选择一个标注以查看其属性</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/attribute_editor.py" line="67"/>
        <source>Suggestion: accept it (Enter) to edit its attributes</source>
        <translation>这是建议：先接受（Enter）才能编辑属性</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="87"/>
        <source>boundary differs</source>
        <translation>边界不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="87"/>
        <source>label differs</source>
        <translation>标签不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="88"/>
        <source>boundary + label differ</source>
        <translation>边界和标签都不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="89"/>
        <source>attributes differ</source>
        <translation>属性不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="92"/>
        <source>Compare two annotators</source>
        <translation>对照两位标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="107"/>
        <source>Compare</source>
        <translation>对照</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="109"/>
        <source>Document: </source>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="109"/>
        <source> Left: </source>
        <translation> 左：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="110"/>
        <source> Right: </source>
        <translation> 右：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="110"/>
        <source> Section: </source>
        <translation> 章节：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="135"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="135"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="151"/>
        <source>Next difference</source>
        <translation>下一处差异</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="152"/>
        <source>Previous difference</source>
        <translation>上一处差异</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="153"/>
        <source>Choose a section</source>
        <translation>选择章节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="154"/>
        <source>Read the spans again</source>
        <translation>重新读取标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="155"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="157"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="191"/>
        <source>This document has fewer than two annotators; showing “{0}”.</source>
        <translation>此文档的标注员不足两位；改为显示“{0}”。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="239"/>
        <source>Whole document</source>
        <translation>整篇文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="249"/>
        <source>Choose a document two annotators have tagged, and the two annotators.</source>
        <translation>请选择两位标注员都标注过的文档，以及这两位标注员。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="254"/>
        <source>This document cannot be compared: {0}</source>
        <translation>无法对照此文档：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="273"/>
        <source>&lt;span style=&quot;background:{0}&quot;&gt;&amp;nbsp;&amp;nbsp;&lt;/span&gt; &lt;b&gt;{1}&lt;/b&gt; — {2} spans, {3} only here</source>
        <translation>&lt;span style=&quot;background:{0}&quot;&gt;&amp;nbsp;&amp;nbsp;&lt;/span&gt; &lt;b&gt;{1}&lt;/b&gt; — {2} 个标注，其中 {3} 个仅此一方</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="277"/>
        <source>Compare {0} and {1} — {2}</source>
        <translation>对照 {0} 与 {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="289"/>
        <source>only {0}</source>
        <translation>仅 {0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="135"/>
        <location filename="../../annotator/gui/review/compare.py" line="304"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="136"/>
        <location filename="../../annotator/gui/review/compare.py" line="304"/>
        <source>Text in context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="319"/>
        <source>{0} and {1}: {2} spans the same, {3} differences{4}</source>
        <translation>{0} 与 {1}：{2} 个标注相同，{3} 处差异{4}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="321"/>
        <source>red, wavy underline: differs · N / P: next / previous difference</source>
        <translation>红色波浪线：有差异 · N / P：下一处 / 上一处差异</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="282"/>
        <location filename="../../annotator/gui/review/compare.py" line="328"/>
        <source>No differences here.</source>
        <translation>这里没有差异。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="333"/>
        <source>No more differences that way.</source>
        <translation>该方向没有更多差异。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/compare.py" line="350"/>
        <source>Difference {0} of {1}</source>
        <translation>第 {0} 处差异，共 {1} 处</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="19"/>
        <location filename="../../annotator/gui/review/decisions.py" line="35"/>
        <source>The project is read-only: decisions cannot be saved.</source>
        <translation>项目为只读：裁决无法保存。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="22"/>
        <source>Nothing to decide here.</source>
        <translation>这里没有需要裁决的内容。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="38"/>
        <source>Pre-merge needs spans from at least two annotators.</source>
        <translation>预合并需要至少两位标注员的标注。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="40"/>
        <source>Pre-merge agreed spans</source>
        <translation>预合并一致的标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="45"/>
        <source>Choose an open disagreement first (N / P).</source>
        <translation>请先选择一条待裁决分歧（N / P）。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="55"/>
        <location filename="../../annotator/gui/review/decisions.py" line="65"/>
        <source>{0} has no span here.</source>
        <translation>{0}在此处没有标注。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="57"/>
        <location filename="../../annotator/gui/review/decisions.py" line="67"/>
        <source>Take {0}</source>
        <translation>采用{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="75"/>
        <source>Select the gold extent in the text first, then press E.</source>
        <translation>请先在文中选出金标准范围，再按 E。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="77"/>
        <source>Edit boundaries</source>
        <translation>修改边界</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="87"/>
        <source>Relabel</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="92"/>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="97"/>
        <source>Select the text of the new gold span first, then press G.</source>
        <translation>请先选择新金标准标注的文字，再按 G。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="101"/>
        <source>Add gold span</source>
        <translation>添加金标准标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="107"/>
        <source>Accept all of {0} in section</source>
        <translation>接受本节中{0}的全部标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="107"/>
        <source>Reject {0}&apos;s extra spans in section</source>
        <translation>拒绝本节中{0}多出的标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/decisions.py" line="114"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="34"/>
        <source>boundary differs</source>
        <translation>边界不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="34"/>
        <source>label differs</source>
        <translation>标签不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="35"/>
        <source>boundary + label differ</source>
        <translation>边界和标签都不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="36"/>
        <source>attributes differ</source>
        <translation>属性不同</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="36"/>
        <source>only B</source>
        <translation>仅 B</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="37"/>
        <source>only A</source>
        <translation>仅 A</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="37"/>
        <source>not everyone</source>
        <translation>并非所有人</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="39"/>
        <source>taken</source>
        <translation>已采用</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="39"/>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="39"/>
        <source>relabelled</source>
        <translation>已改标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="40"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="40"/>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="62"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="62"/>
        <source>A: {0}</source>
        <translation>A：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="62"/>
        <source>B: {0}</source>
        <translation>B：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="63"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/disagreement_model.py" line="63"/>
        <source>Decision</source>
        <translation>裁决</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="34"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="34"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="35"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="45"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="45"/>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/document_list.py" line="45"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>DocumentTrash</name>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="35"/>
        <source>“{0}” failed: {1}</source>
        <translation>“{0}”失败：{1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="155"/>
        <source>Delete “{0}”?

With it go its outline, {1} spans ({2}) and {3} notes.
It goes to the project&apos;s trash: File → Undo delete (Ctrl+Alt+Z) brings it all back, also after a restart, until the trash is emptied (File → Empty trash…). The deletion is recorded in the project&apos;s event log.</source>
        <translation>删除“{0}”？

同时删除其提纲、{1} 个标注（{2}）和 {3} 条备注。
文档移入项目的回收站：文件 → 撤销删除（Ctrl+Alt+Z）可全部恢复，重启后也可以，直到清空回收站（文件 → 清空回收站…）。删除会记入项目的事件日志。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="162"/>
        <source>Delete document</source>
        <translation>删除文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="166"/>
        <source>Delete “{0}”</source>
        <translation>删除“{0}”</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="168"/>
        <source>Deleted “{0}”. Ctrl+Alt+Z brings it back.</source>
        <translation>已删除“{0}”。按 Ctrl+Alt+Z 可恢复。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="173"/>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="179"/>
        <source>Redo delete</source>
        <translation>重做删除</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="220"/>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="225"/>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="226"/>
        <source>Remove {0} deleted documents for good?

{1}

Their text, outline, spans and notes leave the project and cannot be brought back: this cannot be undone.</source>
        <translation>彻底删除 {0} 篇已删除的文档？

{1}

它们的正文、提纲、标注和备注将移出项目，无法找回：此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="236"/>
        <source>Removed {0} deleted documents for good.</source>
        <translation>已彻底删除 {0} 篇已删除的文档。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="242"/>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="244"/>
        <source>Remove deleted documents for good: cannot be undone.</source>
        <translation>彻底删除已删除的文档：无法撤销。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="1"/>
        <source>Import of {0} documents</source>
        <translation>导入 {0} 篇文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="1"/>
        <source>Undo: {0}</source>
        <translation>撤销：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands_documents.py" line="1"/>
        <source>Redo: {0}</source>
        <translation>重做：{0}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../annotator/gui/widgets/find_bar.py" line="45"/>
        <source>Find in this document</source>
        <translation>在本文档中查找</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/find_bar.py" line="49"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/find_bar.py" line="52"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/find_bar.py" line="53"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/find_bar.py" line="123"/>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/find_bar.py" line="125"/>
        <source>{0} of {1}</source>
        <translation>第 {0} 个，共 {1} 个</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="15"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="18"/>
        <source>Your name as an annotator (saved with every label you make):</source>
        <translation>您的标注员姓名（会随每条标注一起保存）：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="29"/>
        <source>Start with:</source>
        <translation>开始方式：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="31"/>
        <source>The sample speeches</source>
        <translation>示例讲话稿</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="31"/>
        <source>Import speeches…</source>
        <translation>导入讲话稿…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="32"/>
        <source>An empty project</source>
        <translation>空项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="42"/>
        <source>Quit?</source>
        <translation>退出？</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="43"/>
        <source>The annotator needs your name before it can save labels.
Quit now? (Nothing has been changed; you will be asked again at the next start.)</source>
        <translation>标注工具需要您的姓名才能保存标注。
现在退出吗？（没有做任何更改；下次启动时会再次询问。）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/first_run.py" line="58"/>
        <source>Please enter a name</source>
        <translation>请输入姓名</translation>
    </message>
</context>
<context>
    <name>GoldScores</name>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="124"/>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="124"/>
        <source>P</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="124"/>
        <source>R</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="124"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="125"/>
        <source>relaxed F1</source>
        <translation>宽松 F1</translation>
    </message>
</context>
<context>
    <name>GuidelinesPanel</name>
    <message>
        <location filename="../../annotator/gui/widgets/guidelines.py" line="18"/>
        <source>Load from a Markdown file…</source>
        <translation>从 Markdown 文件加载…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/guidelines.py" line="27"/>
        <source>This project has no guidelines yet. Load a Markdown file (every annotator of the project then sees it here).</source>
        <translation>本项目还没有标注规范。加载一个 Markdown 文件（项目的每位标注员都会在这里看到它）。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="25"/>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="28"/>
        <source>cannot be read ({0})</source>
        <translation>无法读取（{0}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="29"/>
        <source>binary data, not text ({0} of {1} characters are control or undecodable bytes)</source>
        <translation>二进制数据而非文本（{1} 个字符中有 {0} 个控制字符或无法解码的字节）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="30"/>
        <source>empty</source>
        <translation>空文件</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="31"/>
        <source>mostly Latin-script text (only {0}% of the letters are Chinese)</source>
        <translation>主要是拉丁字母文本（字母中只有 {0}% 是汉字）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="32"/>
        <source>almost no Chinese text ({0} Chinese characters, {1} characters in all)</source>
        <translation>几乎没有中文（{0} 个汉字，共 {1} 个字符）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="33"/>
        <source>program code ({0} of {1} lines look like code)</source>
        <translation>程序代码（{1} 行中有 {0} 行像代码）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="34"/>
        <source>a table ({0} of {1} lines are cut into {2} fields by tabs, commas or |)</source>
        <translation>表格（{1} 行中有 {0} 行被制表符、逗号或 | 分成 {2} 栏）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="35"/>
        <source>mostly numbers ({0}% of the characters are digits)</source>
        <translation>主要是数字（{0}% 的字符是数字）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="36"/>
        <source>no running sentences ({0} sentence marks in {1} Chinese characters): a list, not a speech</source>
        <translation>没有成段的句子（{1} 个汉字中只有 {0} 个句末标点）：是列表，不是讲话</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="41"/>
        <source>{0} files found, {1} look like speeches and are ticked. Untick what should not be imported.</source>
        <translation>找到 {0} 个文件，其中 {1} 个像讲话稿，已勾选。取消勾选不应导入的文件。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="43"/>
        <source>File → Undo (Ctrl+Alt+Z) takes the whole import back: the documents it brings in go to the trash. Texts it replaces (a changed file imported again) stay replaced.</source>
        <translation>文件 → 撤销（Ctrl+Alt+Z）可撤回整次导入：导入的文档移入回收站。导入替换的正文（再次导入已改动的文件）不会恢复。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="49"/>
        <source>{0} files do not look like a Chinese speech or report (reason after the name); those found in a folder are unticked.</source>
        <translation>{0} 个文件看起来不是中文讲话或报告（原因见文件名后）；在文件夹中找到的已取消勾选。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="62"/>
        <source>Import preview — {0}</source>
        <translation>导入预览 —— {0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="71"/>
        <source>not a speech? {0}</source>
        <translation>不是讲话？{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="75"/>
        <source>a note about the collection, not a speech</source>
        <translation>文件集的说明，不是讲话稿</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="85"/>
        <source>Not imported:</source>
        <translation>不导入：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="88"/>
        <source>Tick all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="88"/>
        <source>Untick all</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="94"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_preview.py" line="129"/>
        <source>not selected in the preview</source>
        <translation>在预览中未勾选</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="20"/>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="39"/>
        <source>file name shown as a title</source>
        <translation>作为标题显示的文件名</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="20"/>
        <source>page title line</source>
        <translation>网页标题行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="21"/>
        <source>thumbnail caption</source>
        <translation>缩略图说明</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="21"/>
        <source>share buttons</source>
        <translation>分享按钮</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="22"/>
        <source>upload details</source>
        <translation>上传信息</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="22"/>
        <source>source and date line</source>
        <translation>来源和日期行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="23"/>
        <source>download prompt</source>
        <translation>下载提示</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="23"/>
        <source>document site description</source>
        <translation>文库网站的资料说明</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="24"/>
        <source>site notice</source>
        <translation>网站公告</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="24"/>
        <source>customer service text</source>
        <translation>客服信息</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="25"/>
        <source>navigation menu</source>
        <translation>导航菜单</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="25"/>
        <source>breadcrumb trail</source>
        <translation>面包屑导航（当前位置）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="26"/>
        <source>tips box</source>
        <translation>温馨提示框</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="26"/>
        <source>page metadata</source>
        <translation>网页元信息</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="27"/>
        <source>list of other articles</source>
        <translation>其他文章列表</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="27"/>
        <source>previous/next article links</source>
        <translation>上一篇/下一篇链接</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="28"/>
        <source>font size switcher</source>
        <translation>字号切换</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="28"/>
        <source>&quot;more&quot; link</source>
        <translation>“更多”链接</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="29"/>
        <source>keyword tags</source>
        <translation>关键词标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="30"/>
        <source>&quot;read more&quot; prompt</source>
        <translation>“展开全文”提示</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="30"/>
        <source>related articles</source>
        <translation>相关文章</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="31"/>
        <source>download or payment prompt</source>
        <translation>下载或付费提示</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="31"/>
        <source>copyright notice</source>
        <translation>版权声明</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="32"/>
        <source>website licence number (ICP)</source>
        <translation>网站备案号（ICP）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="32"/>
        <source>disclaimer</source>
        <translation>免责声明</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="33"/>
        <source>&quot;powered by&quot; line</source>
        <translation>“技术支持”行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="33"/>
        <source>site links</source>
        <translation>网站链接</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="34"/>
        <source>link line</source>
        <translation>链接行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="34"/>
        <source>web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="34"/>
        <source>e-mail address</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="35"/>
        <source>page footer run into the text</source>
        <translation>混入正文的页脚</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="36"/>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="52"/>
        <source>editor&apos;s note</source>
        <translation>编者按</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="36"/>
        <source>editor&apos;s note (&quot;for reference&quot;)</source>
        <translation>编者按（“供参考”）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="37"/>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="42"/>
        <source>editor&apos;s introduction</source>
        <translation>编者导语</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="37"/>
        <source>editor&apos;s lead-in label</source>
        <translation>编者引语标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="38"/>
        <source>editor&apos;s closing note</source>
        <translation>编者结语</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="39"/>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="50"/>
        <source>title line</source>
        <translation>标题行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="40"/>
        <source>extra blank space and empty lines</source>
        <translation>多余的空白和空行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="41"/>
        <source>title repeated at the top</source>
        <translation>开头重复的标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="43"/>
        <source>page number between pages</source>
        <translation>页与页之间的页码</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="44"/>
        <source>line break where a page was split</source>
        <translation>分页处的断行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="45"/>
        <source>page counter</source>
        <translation>页码计数</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="45"/>
        <source>page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="45"/>
        <source>source line</source>
        <translation>来源行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="50"/>
        <source>page furniture</source>
        <translation>页面杂项</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="51"/>
        <source>page header</source>
        <translation>页眉</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="51"/>
        <source>page footer</source>
        <translation>页脚</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="51"/>
        <source>website navigation</source>
        <translation>网站导航</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="67"/>
        <source>Import report: {0}</source>
        <translation>导入报告：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="70"/>
        <source>Source: {0}
Encoding: {1}
Removed regions: {2}</source>
        <translation>来源：{0}
编码：{1}
删除的区域：{2}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="74"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="74"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/import_report.py" line="74"/>
        <source>Removed text</source>
        <translation>删除的文字</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="144"/>
        <source>Read-only: this project file cannot be written; changes are disabled.</source>
        <translation>只读：无法写入此项目文件，修改已禁用。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="169"/>
        <source>Search the speeches (Chinese full text)…</source>
        <translation>全文检索讲话稿…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="176"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="185"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="37"/>
        <location filename="../../annotator/gui/navigation.py" line="118"/>
        <source>Mark in progress</source>
        <translation>标记为进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="37"/>
        <location filename="../../annotator/gui/navigation.py" line="118"/>
        <source>Mark done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation type="vanished">标注规范</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown *.txt)</source>
        <translation type="vanished">Markdown (*.md *.markdown *.txt)</translation>
    </message>
    <message>
        <source>{0}: cannot be read ({1})</source>
        <translation type="vanished">{0}：无法读取（{1}）</translation>
    </message>
    <message>
        <source>Load guidelines</source>
        <translation type="vanished">加载标注规范</translation>
    </message>
    <message>
        <source>Filter spans…</source>
        <translation type="vanished">筛选标注…</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation type="vanished">全部标签</translation>
    </message>
    <message>
        <source>All</source>
        <translation type="vanished">全部</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation type="vanished">已标注</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation type="vanished">建议</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation type="vanished">标注</translation>
    </message>
    <message>
        <source>solid = tagged, dotted underline = suggested</source>
        <translation type="vanished">底色 = 已标注，点状下划线 = 建议</translation>
    </message>
    <message>
        <source>Put the cursor on a tagged span first</source>
        <translation type="vanished">请先将光标放在一个已标注的片段上</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="251"/>
        <source>Suggestions failed: {0}</source>
        <translation>生成建议失败：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="333"/>
        <source>No suggestions for this document yet: on a team project a lead makes them</source>
        <translation>本文档尚无建议：团队项目的建议由负责人生成</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="258"/>
        <source>{0} suggestions</source>
        <translation>{0} 条建议</translation>
    </message>
    <message>
        <source>Import speeches</source>
        <translation type="vanished">导入讲话稿</translation>
    </message>
    <message>
        <source>Speeches (*.txt *.md *.docx *.html *.htm);;All files (*)</source>
        <translation type="vanished">讲话稿 (*.txt *.md *.docx *.html *.htm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a folder of speeches</source>
        <translation type="vanished">导入讲话稿文件夹</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="vanished">正在导入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="vanished">导入</translation>
    </message>
    <message>
        <source>Imported {0}, skipped as duplicate {1}, failed {2}.</source>
        <translation type="vanished">已导入 {0} 篇，重复跳过 {1} 篇，失败 {2} 篇。</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation type="vanished">（已取消）</translation>
    </message>
    <message>
        <source>Export labels</source>
        <translation type="vanished">导出标注</translation>
    </message>
    <message>
        <source>Import labels</source>
        <translation type="vanished">导入标注</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="vanished">处理中…</translation>
    </message>
    <message>
        <source>Export / import</source>
        <translation type="vanished">导出 / 导入</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="vanished">打开项目</translation>
    </message>
    <message>
        <source>Projects (*.db);;All files (*)</source>
        <translation type="vanished">项目文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restart the annotator to open {0}, or run: annotator &quot;{0}&quot;</source>
        <translation type="vanished">请重新启动标注工具以打开 {0}，或运行：annotator &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation type="vanished">界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="263"/>
        <source>Speech Structure Annotator</source>
        <translation>讲话结构标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="267"/>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="274"/>
        <source>{0} | documents done {1}/{2} | spans {3} | open suggestions {4}</source>
        <translation>{0} | 已完成文档 {1}/{2} | 标注 {3} | 待处理建议 {4}</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="26"/>
        <source>Notes of this document</source>
        <translation>本文档的备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="32"/>
        <source>Enter or F2: edit · Delete: remove · Ctrl+Z in the main window undoes either</source>
        <translation>Enter 或 F2：编辑 · Delete：删除 · 在主窗口按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="34"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="35"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="77"/>
        <source>Notes could not be read: {0}</source>
        <translation>无法读取备注：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="85"/>
        <source>on “{0}”</source>
        <translation>针对“{0}”</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="87"/>
        <source>on a span no longer in your layer</source>
        <translation>针对已不在您标注中的片段</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="89"/>
        <source>on the document</source>
        <translation>针对整篇文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="100"/>
        <source>No notes yet: Ctrl+M in the text adds one.</source>
        <translation>还没有备注：在正文中按 Ctrl+M 添加。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="41"/>
        <location filename="../../annotator/gui/dialogs/notes.py" line="111"/>
        <location filename="../../annotator/gui/dialogs/notes.py" line="118"/>
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="111"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="115"/>
        <source>A note cannot be empty; use Delete to remove it.</source>
        <translation>备注不能为空；要删除请按 Delete。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/notes.py" line="123"/>
        <source>Delete note</source>
        <translation>删除备注</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <location filename="../../annotator/gui/models/outline_model.py" line="19"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/outline_model.py" line="19"/>
        <source>Tags</source>
        <translation>标注数</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/outline_model.py" line="33"/>
        <source>Uncertain heading (confidence {0:.0%}): is this a heading, and is this its title? Ctrl+Shift+H removes it, Ctrl+T sets the title end.</source>
        <translation>标题不确定（置信度 {0:.0%}）：这是否是标题，标题是否就是这些字？Ctrl+Shift+H 删除该标题，Ctrl+T 设定标题结尾。</translation>
    </message>
    <message>
        <source>Title boundary inferred (confidence {0:.0%})</source>
        <translation type="vanished">标题边界为推断（置信度 {0:.0%}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/outline_model.py" line="45"/>
        <source>Check this heading: press Ctrl+T at the end of its title to correct it</source>
        <translation>请核对此标题：在标题结尾处按 Ctrl+T 即可更正</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py"/>
        <source>The model learns again in the background after this many accepts and rejects, and re-ranks the open suggestions.</source>
        <translation>接受和拒绝达到此数量后，模型在后台重新学习，并对未处理的建议重新排序。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py"/>
        <source>Retrain after answers</source>
        <translation>每多少次判断后重新训练</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="13"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="16"/>
        <source>Annotator name</source>
        <translation>标注员姓名</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="18"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="21"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="23"/>
        <source>Trim spaces and punctuation</source>
        <translation>去除首尾空格和标点</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="23"/>
        <source>Whole clause</source>
        <translation>整个分句</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="24"/>
        <source>Whole sentence</source>
        <translation>整句</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="27"/>
        <source>Selections snap to</source>
        <translation>选区对齐方式</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="29"/>
        <source>Also suggest implicit directives (verb-initial tasks, less certain)</source>
        <translation>也建议隐含的部署（以动词开头的任务句，把握较小）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="32"/>
        <source>Suggestions (this project)</source>
        <translation>建议（本项目）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="39"/>
        <source>Once the project&apos;s model has learned from accepts and rejects, suggestions it gives a lower confidence are not shown.</source>
        <translation>项目模型从接受和拒绝中学习后，置信度低于此值的建议不再显示。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/preferences.py" line="41"/>
        <source>Confidence threshold</source>
        <translation>置信度阈值</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="41"/>
        <source>Progress of the team</source>
        <translation>团队进度</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="55"/>
        <source>Enter or double-click on a document: compare two of its annotators side by side.</source>
        <translation>在文档上按 Enter 或双击：并排对照其两位标注员。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="61"/>
        <source>Per annotator</source>
        <translation>按标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="63"/>
        <source>Per document</source>
        <translation>按文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="76"/>
        <source>Progress cannot be read: {0}</source>
        <translation>无法读取进度：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="81"/>
        <source>{0} documents, {1} annotators; {2} documents done by everyone.</source>
        <translation>{0} 篇文档，{1} 位标注员；{2} 篇已由所有人完成。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="87"/>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="87"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="87"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="88"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="88"/>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="88"/>
        <source>Documents with spans</source>
        <translation>有标注的文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="89"/>
        <source>Last change</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="106"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="108"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="108"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="108"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dialogs/progress.py" line="119"/>
        <source>{0}: {1}, {2} spans</source>
        <translation>{0}：{1}，{2} 个标注</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../annotator/gui/qt_strings.py" line="22"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/qt_strings.py" line="23"/>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/qt_strings.py" line="24"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../annotator/gui/qt_strings.py" line="20"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/qt_strings.py" line="21"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QLocale</name>
    <message>
        <location filename="../../annotator/gui/qt_strings.py" line="25"/>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
</context>
<context>
    <name>ReviewKeys</name>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Export gold…</source>
        <translation>导出金标准…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="25"/>
        <source>Next open disagreement</source>
        <translation>下一条待裁决分歧</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="27"/>
        <source>Previous open disagreement</source>
        <translation>上一条待裁决分歧</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="29"/>
        <source>Next open in this section</source>
        <translation>本节下一条待裁决</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="32"/>
        <source>Previous open in this section</source>
        <translation>本节上一条待裁决</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="34"/>
        <source>Take A</source>
        <translation>采用 A</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="36"/>
        <source>Take B</source>
        <translation>采用 B</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="38"/>
        <source>Edit boundaries (use the text selection)</source>
        <translation>修改边界（使用所选文字）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="41"/>
        <source>Relabel…</source>
        <translation>更改标签…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="43"/>
        <source>Reject (both wrong)</source>
        <translation>拒绝（两者都错）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="45"/>
        <source>Add a gold span over the selection…</source>
        <translation>将所选文字添加为金标准标注…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="47"/>
        <source>Reopen (remove the decision)</source>
        <translation>重新打开（撤除裁决）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="50"/>
        <source>Pre-merge agreed spans into gold</source>
        <translation>将一致的标注预合并为金标准</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="52"/>
        <source>Two annotators side by side</source>
        <translation>两位标注员并排对照</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="54"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="56"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="62"/>
        <source>&amp;Decide</source>
        <translation>裁决(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="67"/>
        <source>&amp;Go</source>
        <translation>跳转(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="70"/>
        <source>&amp;Section</source>
        <translation>章节(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="71"/>
        <source>Take the span of annotator…</source>
        <translation>采用某标注员的标注…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="85"/>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="88"/>
        <source>Accept all of {0}&apos;s spans in this section</source>
        <translation>接受{0}在本节的全部标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="90"/>
        <source>Reject {0}&apos;s spans nobody else made in this section</source>
        <translation>拒绝本节中只有{0}标注的内容</translation>
    </message>
</context>
<context>
    <name>ReviewOutline</name>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="36"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="36"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="36"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/panels.py" line="48"/>
        <source>{0}
strict F1 of the annotators in this section: {1}</source>
        <translation>{0}
本节标注者之间的严格 F1：{1}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Export gold from the main window: File → Export gold…</source>
        <translation>请在主窗口导出金标准：文件 → 导出金标准…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_layout.py" line="97"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_layout.py" line="99"/>
        <source>Document: </source>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_layout.py" line="106"/>
        <source>Annotators</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_layout.py" line="108"/>
        <source>Against gold (this document)</source>
        <translation>对照金标准（本文档）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_layout.py" line="110"/>
        <source>Notes of the annotators</source>
        <translation>标注员的备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_layout.py" line="116"/>
        <source>Annotators and gold</source>
        <translation>标注员与金标准</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="97"/>
        <source>This document needs spans from at least two annotators to review.</source>
        <translation>本文档至少需要两位标注员的标注才能审核。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="100"/>
        <source>Review — {0}</source>
        <translation>审核 — {0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="164"/>
        <source>Open {0} of {1} disagreements</source>
        <translation>待裁决分歧 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="171"/>
        <source>Agreement of {0}: strict F1 {1}, relaxed F1 {2}</source>
        <translation>{0}的一致性：严格 F1 {1}，宽松 F1 {2}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="174"/>
        <source>read-only project: decisions cannot be saved</source>
        <translation>只读项目：裁决无法保存</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="191"/>
        <source>No disagreement selected.</source>
        <translation>未选择分歧。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="207"/>
        <source>Decided: {0}</source>
        <translation>已裁决：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/review_window.py" line="239"/>
        <source>No more open disagreements that way.</source>
        <translation>该方向没有更多待裁决分歧。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/commands.py" line="26"/>
        <source>{0} failed: {1}</source>
        <translation>{0}失败：{1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/commands.py" line="91"/>
        <source>Every agreed span is already in gold.</source>
        <translation>所有一致的标注都已在金标准中。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../annotator/gui/session.py" line="72"/>
        <source>Document {0} no longer exists</source>
        <translation>文档 {0} 已不存在</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session.py" line="107"/>
        <location filename="../../annotator/gui/session.py" line="224"/>
        <source>The document could not be re-read: {0}</source>
        <translation>无法重新读取文档：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/extend.py" line="86"/>
        <source>Loading the word list… moving by one character meanwhile.</source>
        <translation>正在加载词表…暂时按单个字移动。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands.py" line="46"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands.py" line="48"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands.py" line="49"/>
        <source>{0} of “{1}” failed: {2}. The document was re-read from the project.</source>
        <translation>“{1}”的{0}失败：{2}。已从项目重新读取文档。</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <source>unsure {0:.0%}</source>
        <translation>存疑 {0:.0%}</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="72"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="72"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="72"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="72"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="96"/>
        <source>needs review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="100"/>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="100"/>
        <source>likely {0:.0%}</source>
        <translation>建议 {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="140"/>
        <source>{0}, doubtful</source>
        <translation>{0}，存疑</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="106"/>
        <source>Suggestion, confidence {0:.0%}</source>
        <translation>建议，置信度 {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="108"/>
        <source>(rule {0})</source>
        <translation>（规则 {0}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="113"/>
        <source>Needs review after a re-import: {0}</source>
        <translation>重新导入后待复核：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="115"/>
        <source>It covered: «{0}»</source>
        <translation>原先覆盖：«{0}»</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/models/span_table.py" line="98"/>
        <source>tagged</source>
        <translation>已标注</translation>
    </message>
</context>
<context>
    <name>TaggingController</name>
    <message>
        <source>The open suggestions are hidden by the span panel's filters</source>
        <translation>未处理的建议已被标注面板的筛选隐藏</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="49"/>
        <location filename="../../annotator/gui/tagging.py" line="192"/>
        <source>This project is open read-only; nothing can be changed.</source>
        <translation>此项目以只读方式打开，无法修改。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="84"/>
        <source>Select some text first</source>
        <translation>请先选择文字</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="24"/>
        <location filename="../../annotator/gui/tagging.py" line="86"/>
        <location filename="../../annotator/gui/tagging.py" line="149"/>
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="32"/>
        <location filename="../../annotator/gui/tagging.py" line="88"/>
        <source>Change label</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="92"/>
        <source>Nothing to tag in the selection (only spaces or punctuation)</source>
        <translation>所选内容只有空格或标点，无法标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="97"/>
        <source>This exact span is already tagged</source>
        <translation>完全相同的标注已存在</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="27"/>
        <location filename="../../annotator/gui/tagging.py" line="99"/>
        <source>Tag span</source>
        <translation>添加标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="114"/>
        <source>No clause or sentence under the cursor</source>
        <translation>光标处没有分句或句子</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="29"/>
        <location filename="../../annotator/gui/tagging.py" line="129"/>
        <source>Remove span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="35"/>
        <location filename="../../annotator/gui/tagging.py" line="135"/>
        <source>Edit attributes</source>
        <translation>编辑属性</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="147"/>
        <location filename="../../annotator/gui/tagging.py" line="155"/>
        <source>No suggestion under the cursor</source>
        <translation>光标处没有建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="26"/>
        <location filename="../../annotator/gui/tagging.py" line="157"/>
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="164"/>
        <source>No open suggestions in this document</source>
        <translation>本文档没有待处理的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="188"/>
        <source>No open suggestions in this section</source>
        <translation>本节没有待处理的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="194"/>
        <source>Accept all in section</source>
        <translation>接受本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="194"/>
        <source>Reject all in section</source>
        <translation>拒绝本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="209"/>
        <source>No span needs review in this document.</source>
        <translation>本文档没有待复核的标注。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="215"/>
        <source>Needs review: {0} — Shift+F4 marks it checked</source>
        <translation>待复核：{0} —— Shift+F4 标记为已核对</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="222"/>
        <source>The span under the cursor is not flagged for review.</source>
        <translation>光标处的标注没有待复核标记。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="34"/>
        <location filename="../../annotator/gui/tagging.py" line="225"/>
        <source>Mark checked</source>
        <translation>标记为已核对</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="236"/>
        <source>this span</source>
        <translation>此标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="236"/>
        <source>this document</source>
        <translation>此文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="237"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="238"/>
        <source>A note on {0}, for the adjudicator:</source>
        <translation>给裁定人的关于{0}的备注：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="242"/>
        <source>An empty note is not saved.</source>
        <translation>空备注不会保存。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="48"/>
        <location filename="../../annotator/gui/tagging.py" line="244"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="245"/>
        <source>Note saved (Ctrl+Z takes it back).</source>
        <translation>备注已保存（Ctrl+Z 可撤回）。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="43"/>
        <location filename="../../annotator/gui/tagging.py" line="278"/>
        <source>Add heading</source>
        <translation>添加标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="44"/>
        <location filename="../../annotator/gui/tagging.py" line="285"/>
        <source>Remove heading</source>
        <translation>删除标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="304"/>
        <source>This heading cannot move that way (no previous heading at its level)</source>
        <translation>此标题不能降级（同级前面没有标题）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/tagging.py" line="305"/>
        <source>This heading is already at the top level</source>
        <translation>此标题已是最高级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="47"/>
        <location filename="../../annotator/gui/tagging.py" line="308"/>
        <source>Promote heading</source>
        <translation>标题升级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="46"/>
        <location filename="../../annotator/gui/tagging.py" line="308"/>
        <source>Demote heading</source>
        <translation>标题降级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/history.py" line="45"/>
        <location filename="../../annotator/gui/tagging.py" line="319"/>
        <source>Set title end</source>
        <translation>设置标题结尾</translation>
    </message>
</context>
<context>
    <name>TeamOpen</name>
    <message>
        <source>Connecting to {0}…</source>
        <translation>正在连接 {0}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{0} has not answered yet: checking whether the server is alive (a stopped or hung server is reported in a few seconds; a busy one is waited for)…</source>
        <translation>{0} 尚未应答：正在检查服务器是否在运行（已停止或卡死的服务器几秒内即会报告；繁忙的服务器会继续等待）…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_open.py" line="23"/>
        <location filename="../../annotator/gui/team_open.py" line="76"/>
        <source>Open team project</source>
        <translation>打开团队项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_open.py" line="25"/>
        <source>Address of the team project (from your team lead):</source>
        <translation>团队项目地址（由组长提供）：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_open.py" line="31"/>
        <source>Your password is not typed here and never stored by the app: run “annotator team login URL” once (it keeps it in your system keyring, or your password file), then open the project.</source>
        <translation>密码不在此处输入，本程序也从不保存密码：请先运行一次“annotator team login 地址”（密码保存在系统钥匙串或您的密码文件中），再打开项目。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_open.py" line="51"/>
        <source>A team project&apos;s address starts with postgresql://</source>
        <translation>团队项目地址以 postgresql:// 开头</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_open.py" line="73"/>
        <source>The team project could not be opened:
{0}

Check the address, that the server is running and that “annotator team login” saved your password.</source>
        <translation>无法打开团队项目：
{0}

请检查地址是否正确、服务器是否在运行，以及“annotator team login”是否已保存您的密码。</translation>
    </message>
</context>
<context>
    <name>TeamStatus</name>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="212"/>
        <source>Only a lead deletes or imports the documents of a team project.</source>
        <translation>团队项目的文档只能由负责人删除或导入。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="74"/>
        <source>No team setup: edits are not kept offline</source>
        <translation>未做团队设置：离线时的修改不会保存在本机</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="75"/>
        <source>This server project has no team roles: run “annotator team init URL” as its owner (and “annotator team add-member” for each person). Until then every edit goes straight to the server and fails with a message when it cannot be reached; nothing waits on this computer.</source>
        <translation>这个服务器项目没有团队角色：请由其所有者运行“annotator team init URL”（并为每个人运行“annotator team add-member”）。在此之前，每次修改都直接写入服务器；服务器无法连接时修改会失败并给出提示，本机不会暂存任何修改。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="83"/>
        <source>1 edit waiting for the server</source>
        <translation>1 处修改等待发送到服务器</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="85"/>
        <source>{0} edits waiting for the server</source>
        <translation>{0} 处修改等待发送到服务器</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="87"/>
        <source>All edits are on the server</source>
        <translation>所有修改均已保存到服务器</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="89"/>
        <source>1 conflict</source>
        <translation>1 处冲突</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="91"/>
        <source>{0} conflicts</source>
        <translation>{0} 处冲突</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="93"/>
        <source>Every edit is saved on the server or, while the server cannot be reached, on this computer; waiting edits are sent in order when it is back. Click to see conflicts.</source>
        <translation>每处修改都保存在服务器上；服务器无法连接时保存在本机，恢复连接后按顺序发送。点击查看冲突。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="102"/>
        <source>Team: {0} done · {1} started</source>
        <translation>团队：已完成 {0} · 已开始 {1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="104"/>
        <source>How many times a member marked a document done or began it, across the project (counts only: a blind project shows nobody&apos;s labels).</source>
        <translation>全项目中成员标记文档完成或开始标注的次数（仅计数：盲标项目不显示任何人的标注）。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="187"/>
        <source>Conflicts with the server</source>
        <translation>与服务器的冲突</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="189"/>
        <source>These edits were not applied because someone changed or deleted the same span first. Nothing of theirs was overwritten. Re-read the document to see the server&apos;s version.</source>
        <translation>这些修改未被应用，因为他人先修改或删除了同一标注。他人的内容没有被覆盖。重新读取文档可查看服务器上的版本。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="195"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="195"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="196"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="202"/>
        <source>Dismiss selected</source>
        <translation>忽略所选</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="205"/>
        <source>Re-read from the server</source>
        <translation>从服务器重新读取</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="240"/>
        <source>Add a span</source>
        <translation>添加标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="241"/>
        <source>Change a span</source>
        <translation>修改标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="242"/>
        <source>Remove a span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="243"/>
        <source>Document status</source>
        <translation>文档状态</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="244"/>
        <source>Document title</source>
        <translation>文档标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="245"/>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="246"/>
        <source>Edit a note</source>
        <translation>修改备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="247"/>
        <source>Remove a note</source>
        <translation>删除备注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="248"/>
        <source>Guidelines</source>
        <translation>标注规范</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="249"/>
        <source>Outline correction</source>
        <translation>大纲修正</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="250"/>
        <source>Undo an outline correction</source>
        <translation>撤销大纲修正</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="257"/>
        <source>Changed by someone else first</source>
        <translation>已被他人先行修改</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_status.py" line="259"/>
        <source>Refused by the server</source>
        <translation>服务器拒绝</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands.py" line="88"/>
        <location filename="../../annotator/gui/commands_documents.py" line="130"/>
        <source>Saved on this computer: the server cannot be reached; the edit is sent when it is back.</source>
        <translation>已保存在本机：服务器暂时无法连接，恢复后会自动发送此修改。</translation>
    </message>
    <message>
        <source>Server not answering</source>
        <translation>服务器无响应</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>无法连接服务器</translation>
    </message>
    <message>
        <source>Some of your edits are still waiting to be sent to the server; they must arrive first. Try again when the status bar says all edits are on the server.</source>
        <translation>您还有修改在等待发送到服务器，需要先送达。请在状态栏显示所有修改都已在服务器上后再试。</translation>
    </message>
    <message>
        <source>The server is not answering. Tags and notes wait on this computer and are sent later, but deleting and importing documents are not: they change everyone&apos;s work and must happen while the server can check it.</source>
        <translation>服务器没有响应。标注和批注会暂存在本机、稍后发送，但删除和导入文档不会：它们影响所有人的工作，必须在服务器能够核对时进行。</translation>
    </message>
    <message>
        <source>The document was not deleted.</source>
        <translation>文档未被删除。</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <source>Team project</source>
        <translation>团队项目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Someone else deleted this span (or it is no longer yours) before your change arrived.</source>
        <translation>在您的修改送达之前，别人删除了这个标注（或它已不再属于您）。</translation>
    </message>
    <message>
        <source>Someone else changed this span before your change arrived; their version was kept.</source>
        <translation>在您的修改送达之前，别人修改了这个标注；已保留对方的版本。</translation>
    </message>
    <message>
        <source>You already have the same span at this place.</source>
        <translation>您在此处已有相同的标注。</translation>
    </message>
    <message>
        <source>This note was deleted before your change arrived.</source>
        <translation>在您的修改送达之前，这条批注已被删除。</translation>
    </message>
    <message>
        <source>Someone else changed this note first; their text was kept.</source>
        <translation>别人先修改了这条批注；已保留对方的文字。</translation>
    </message>
    <message>
        <source>The document was deleted before your change arrived.</source>
        <translation>在您的修改送达之前，该文档已被删除。</translation>
    </message>
    <message>
        <source>Someone else renamed the document first; their title was kept.</source>
        <translation>别人先修改了文档标题；已保留对方的标题。</translation>
    </message>
    <message>
        <source>Someone else changed the guidelines first; theirs were kept.</source>
        <translation>别人先修改了标注规范；已保留对方的版本。</translation>
    </message>
    <message>
        <source>Another lead corrected this document&apos;s outline first; their outline was kept. Re-read the document and correct it again.</source>
        <translation>另一位组长先校正了这篇文档的提纲；已保留对方的提纲。请重新读取文档后再校正。</translation>
    </message>
    <message>
        <source>The outline correction to take back is no longer on the server.</source>
        <translation>要撤销的提纲校正已不在服务器上。</translation>
    </message>
    <message>
        <source>This server project has no team setup, so the edit could not be sent exactly once (ask its owner to run “annotator team init”).</source>
        <translation>这个服务器项目没有团队设置，无法保证修改只送达一次（请其所有者运行“annotator team init”）。</translation>
    </message>
    <message>
        <source>The edit was incomplete or malformed and was not applied.</source>
        <translation>这项修改不完整或格式有误，未被采用。</translation>
    </message>
    <message>
        <source>Your role in this team does not allow this change.</source>
        <translation>您在团队中的角色无权做这项修改。</translation>
    </message>
    <message>
        <source>The same item is already on the server.</source>
        <translation>服务器上已有相同的内容。</translation>
    </message>
    <message>
        <source>What this edit refers to (a document, span or label) is no longer on the server.</source>
        <translation>这项修改所指的文档、标注或标签已不在服务器上。</translation>
    </message>
    <message>
        <source>The server took too long and stopped this edit.</source>
        <translation>服务器处理时间过长，已中止这项修改。</translation>
    </message>
    <message>
        <source>The server was busy with a conflicting change; the edit was not applied.</source>
        <translation>服务器正在处理一项与之冲突的修改；这项修改未被采用。</translation>
    </message>
    <message>
        <source>The team&apos;s rules on the server refused this edit.</source>
        <translation>服务器上的团队规则拒绝了这项修改。</translation>
    </message>
    <message>
        <source>The server&apos;s rules do not accept a value of this edit.</source>
        <translation>服务器的规则不接受这项修改中的某个值。</translation>
    </message>
    <message>
        <source>The server could not accept a value of this edit (wrong kind or out of range).</source>
        <translation>服务器无法接受这项修改中的某个值（类型不对或超出范围）。</translation>
    </message>
    <message>
        <source>The connection to the server was lost during this edit.</source>
        <translation>这项修改进行时与服务器的连接断开了。</translation>
    </message>
</context>
<context>
    <name>WindowDocs</name>
    <message>
        <location filename="../../annotator/gui/history.py" line="39"/>
        <location filename="../../annotator/gui/navigation.py" line="139"/>
        <location filename="../../annotator/gui/navigation.py" line="144"/>
        <location filename="../../annotator/gui/navigation.py" line="148"/>
        <source>Rename document</source>
        <translation>重命名文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/navigation.py" line="140"/>
        <source>New title:</source>
        <translation>新标题：</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation type="vanished">删除文档</translation>
    </message>
    <message>
        <source>Delete “{0}” and every label on it, of every annotator?
The deletion is recorded in the project&apos;s event log; it cannot be undone here.</source>
        <translation type="vanished">删除“{0}”及所有标注者在其上的全部标注吗？
删除会记入项目的事件日志；在此无法撤销。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/preferences.py" line="93"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/preferences.py" line="96"/>
        <location filename="../../annotator/gui/preferences.py" line="117"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/preferences.py" line="98"/>
        <source>Projects (*.db);;All files (*)</source>
        <translation>项目 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/preferences.py" line="56"/>
        <source>The language changes at the next start.</source>
        <translation>界面语言将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>WindowGuidelines</name>
    <message>
        <location filename="../../annotator/gui/window_guidelines.py" line="32"/>
        <location filename="../../annotator/gui/window_guidelines.py" line="53"/>
        <source>Guidelines</source>
        <translation>标注规范</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_guidelines.py" line="54"/>
        <source>Markdown (*.md *.markdown *.txt)</source>
        <translation>Markdown (*.md *.markdown *.txt)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_guidelines.py" line="67"/>
        <source>{0}: cannot be read ({1})</source>
        <translation>{0}：无法读取（{1}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_guidelines.py" line="70"/>
        <source>Load guidelines</source>
        <translation>加载标注规范</translation>
    </message>
</context>
<context>
    <name>WindowIO</name>
    <message>
        <source>Export gold</source>
        <translation>导出金标准</translation>
    </message>
    <message>
        <source>Imported again with a changed text: {0}.</source>
        <translation>以改动后的文本重新导入 {0} 篇。</translation>
    </message>
    <message>
        <source>{0} of them need review: F4 goes to the next, Shift+F4 marks it checked.</source>
        <translation>其中 {0} 条需要复核：F4 转到下一条，Shift+F4 标记为已核对。</translation>
    </message>
    <message>
        <source>“{0}” was imported again with a changed text; its spans were carried over.</source>
        <translation>《{0}》以改动后的文本重新导入，其标注已随之迁移。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="34"/>
        <source>{0} spans from {1} documents written to:</source>
        <translation>已将 {1} 篇文档中的 {0} 个标注写入：</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="37"/>
        <source>{0}: {1} lines imported, {2} skipped, {3} failed</source>
        <translation>{0}：导入 {1} 行，跳过 {2} 行，失败 {3} 行</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="39"/>
        <source>documents created: {0}; spans added: {1}, already present: {2}</source>
        <translation>新建文档：{0}；新增标注：{1}，已存在：{2}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="42"/>
        <source>{0} lines had CRLF line ends: text normalised to LF, offsets moved</source>
        <translation>{0} 行使用 CRLF 换行：文本已统一为 LF，偏移已调整</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="45"/>
        <source>labels added: {0}</source>
        <translation>新增标签：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="46"/>
        <source>failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="47"/>
        <source>note: {0}</source>
        <translation>说明：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="63"/>
        <location filename="../../annotator/gui/window_io.py" line="234"/>
        <source>Import speeches (Ctrl+Alt+Z takes the import back)</source>
        <translation>导入讲话（Ctrl+Alt+Z 可撤回本次导入）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="69"/>
        <source>Import a folder of speeches (Ctrl+Alt+Z takes the import back)</source>
        <translation>导入讲话文件夹（Ctrl+Alt+Z 可撤回本次导入）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="112"/>
        <source>Importing: Ctrl+Alt+Z takes the whole import back.</source>
        <translation>正在导入：Ctrl+Alt+Z 可撤回整次导入。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="64"/>
        <source>Speeches (*.txt *.md *.docx *.html *.htm);;All files (*)</source>
        <translation>讲话稿 (*.txt *.md *.docx *.html *.htm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a folder of speeches</source>
        <translation type="vanished">导入讲话稿文件夹</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="113"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="113"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="133"/>
        <location filename="../../annotator/gui/window_io.py" line="151"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="141"/>
        <source>Imported {0}, skipped as duplicate {1}, skipped {2}, failed {3}.</source>
        <translation>已导入 {0}，重复跳过 {1}，跳过 {2}，失败 {3}。</translation>
    </message>
    <message>
        <source>Imported {0}, skipped as duplicate {1}, failed {2}.</source>
        <translation type="vanished">已导入 {0} 篇，重复跳过 {1} 篇，失败 {2} 篇。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="144"/>
        <source>(cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="148"/>
        <source>failed: {0}: {1}</source>
        <translation>失败：{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="149"/>
        <source>skipped: {0}: {1}</source>
        <translation>跳过：{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="163"/>
        <source>Export labels</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="172"/>
        <source>Import labels</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="173"/>
        <source>Import the labels of {0} into this project?</source>
        <translation>将 {0} 的标注导入本项目？</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="179"/>
        <source>Cannot be undone</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="180"/>
        <source>This cannot be undone with Ctrl+Z.</source>
        <translation>此操作无法用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="189"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="213"/>
        <source>Export / import</source>
        <translation>导出 / 导入</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="1"/>
        <source>Import speeches</source>
        <translation>导入讲话</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="1"/>
        <source>File → Undo (Ctrl+Alt+Z) takes the whole import back.</source>
        <translation>文件 → 撤销（Ctrl+Alt+Z）可撤回整次导入。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_io.py" line="1"/>
        <source>Import these speeches?</source>
        <translation>导入这些讲话？</translation>
    </message>
</context>
<context>
    <name>WindowSpans</name>
    <message>
        <location filename="../../annotator/gui/window_spans.py" line="75"/>
        <source>Filter spans…</source>
        <translation>筛选标注…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_spans.py" line="79"/>
        <source>All labels</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_spans.py" line="84"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_spans.py" line="84"/>
        <source>Tagged</source>
        <translation>已标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_spans.py" line="84"/>
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="188"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_spans.py" line="109"/>
        <source>solid = tagged, dotted underline = suggested, dashed = doubtful suggestion</source>
        <translation>底色 = 已标注，点状下划线 = 建议，虚线 = 存疑的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/window_spans.py" line="256"/>
        <source>Put the cursor on a tagged span first</source>
        <translation>请先将光标放在一个已标注的片段上</translation>
    </message>
</context>
<context>
    <name>_Builder</name>
    <message>
        <source>Export gold…</source>
        <translation>导出金标准…</translation>
    </message>
    <message>
        <source>Search all speeches…</source>
        <translation>检索全部讲话稿…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="62"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="64"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="65"/>
        <source>Import the sample speeches</source>
        <translation>导入示例讲话稿</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="66"/>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="67"/>
        <source>Open team project…</source>
        <translation>打开团队项目…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="69"/>
        <source>Export labels…</source>
        <translation>导出标注…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="70"/>
        <source>Import labels…</source>
        <translation>导入标注…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="72"/>
        <source>Import report of this document</source>
        <translation>本文档的导入报告</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="74"/>
        <source>Rename document…</source>
        <translation>重命名文档…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="75"/>
        <source>Delete document…</source>
        <translation>删除文档…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="77"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="80"/>
        <source>Can be undone as one step: Ctrl+Alt+Z moves the imported documents to the trash.</source>
        <translation>可作为一步撤销：Ctrl+Alt+Z 将导入的文档移入回收站。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="81"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="84"/>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="94"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="96"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="99"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="101"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="106"/>
        <source>Tag as {0}</source>
        <translation>标注为{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="110"/>
        <source>Tag the clause at the cursor</source>
        <translation>标注光标处的分句</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="112"/>
        <source>Tag the sentence at the cursor</source>
        <translation>标注光标处的句子</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="114"/>
        <source>Edit attributes of the current span</source>
        <translation>编辑当前标注的属性</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="117"/>
        <source>Next span to review after a re-import</source>
        <translation>下一个重新导入后待复核的标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="119"/>
        <source>Mark the flagged span checked</source>
        <translation>将待复核的标注标记为已核对</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="122"/>
        <source>Add a note (span under the cursor, else document)…</source>
        <translation>添加备注（光标处的标注，否则整篇文档）…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="124"/>
        <source>Notes of this document (edit, delete)…</source>
        <translation>本文档的备注（编辑、删除）…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="129"/>
        <source>Extend selection to the next clause</source>
        <translation>选区扩展到下一分句</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="130"/>
        <source>Extend selection to the previous clause</source>
        <translation>选区扩展到上一分句</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="131"/>
        <source>Extend selection by a word</source>
        <translation>选区向后扩展一个词</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="132"/>
        <source>Extend selection back by a word</source>
        <translation>选区向前扩展一个词</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="136"/>
        <source>Find in document…</source>
        <translation>在文档中查找…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="138"/>
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="140"/>
        <source>Find previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="145"/>
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="149"/>
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="151"/>
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="152"/>
        <source>Next suggestion</source>
        <translation>下一条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="154"/>
        <source>Previous suggestion</source>
        <translation>上一条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="156"/>
        <source>Accept all in this section</source>
        <translation>接受本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="158"/>
        <source>Reject all in this section</source>
        <translation>拒绝本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="160"/>
        <source>Suggest again for this document</source>
        <translation>重新生成本文档的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="162"/>
        <source>&amp;Suggestions</source>
        <translation>建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="168"/>
        <source>Add heading at selection</source>
        <translation>将所选内容设为标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="169"/>
        <source>Remove heading</source>
        <translation>删除标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="170"/>
        <source>Promote heading</source>
        <translation>标题升级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="171"/>
        <source>Demote heading</source>
        <translation>标题降级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="172"/>
        <source>Title ends at cursor</source>
        <translation>标题在光标处结束</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="173"/>
        <source>S&amp;tructure</source>
        <translation>结构(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="177"/>
        <source>Next document</source>
        <translation>下一篇文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="178"/>
        <source>Previous document</source>
        <translation>上一篇文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="180"/>
        <source>Next section</source>
        <translation>下一节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="182"/>
        <source>Previous section</source>
        <translation>上一节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="184"/>
        <source>Mark document done</source>
        <translation>标记本文档完成</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="185"/>
        <source>Review and adjudicate…</source>
        <translation>审核与裁决…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="187"/>
        <source>&amp;Navigate</source>
        <translation>导航(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="190"/>
        <source>Compare two annotators side by side…</source>
        <translation>并排对照两位标注员…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="192"/>
        <source>Progress of the team…</source>
        <translation>团队进度…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="198"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="204"/>
        <source>Focus mode (text only)</source>
        <translation>专注模式（仅正文）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="206"/>
        <source>Hide suggestions</source>
        <translation>隐藏建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="212"/>
        <source>Tagging</source>
        <translation>标注工具栏</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="1"/>
        <source>Cannot be undone with Ctrl+Z: imported labels are removed one by one.</source>
        <translation>无法用 Ctrl+Z 撤销：导入的标注需逐条删除。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="212"/>
        <source>Next panel</source>
        <translation>下一个面板</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="214"/>
        <source>Previous panel</source>
        <translation>上一个面板</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="218"/>
        <source>Sort spans</source>
        <translation>标注排序</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="219"/>
        <source>In text order</source>
        <translation>按正文顺序</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="220"/>
        <source>By label</source>
        <translation>按标签</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="220"/>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <source>Section</source>
        <translation type="vanished">章节</translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="vanished">F1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="vanished">待裁决</translation>
    </message>
    <message>
        <source>{0}
strict F1 of the annotators in this section: {1}</source>
        <translation type="vanished">{0}
本节标注员的严格 F1：{1}</translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <location filename="../../annotator/gui/save_state.py" line="1"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_state.py" line="1"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_state.py" line="52"/>
        <source>Not saved to disk: {0}</source>
        <translation>未写入磁盘：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_state.py" line="59"/>
        <source>The last changes are kept by the system but not yet on the disk; saving is retried. Reason: {0}</source>
        <translation>最近的修改已由系统暂存，但尚未写入磁盘；正在重试保存。原因：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_state.py" line="62"/>
        <source>Every change is on the disk.</source>
        <translation>所有修改都已写入磁盘。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_state.py" line="64"/>
        <source>Writing the latest changes to the disk.</source>
        <translation>正在将最近的修改写入磁盘。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_state.py" line="52"/>
        <source>Not saved to disk</source>
        <translation>未写入磁盘</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_state.py" line="81"/>
        <source>The last changes could not be confirmed on the disk ({0}). They survive closing the app, but not a power cut before the system writes them.</source>
        <translation>无法确认最近的修改已写入磁盘（{0}）。关闭程序不会丢失这些修改，但在系统写入磁盘之前断电则可能丢失。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_state.py" line="82"/>
        <source>no answer</source>
        <translation>磁盘没有响应</translation>
    </message>
</context>
<context>
    <name>ReadReason</name>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="20"/>
        <source>file not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="21"/>
        <source>permission denied</source>
        <translation>没有读取权限</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="22"/>
        <source>cannot be opened ({error})</source>
        <translation>无法打开（{error}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="23"/>
        <source>cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="24"/>
        <source>is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="25"/>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="26"/>
        <source>file is {size_mb} MB; the limit is {limit_mb} MB</source>
        <translation>文件大小 {size_mb} MB，超过上限 {limit_mb} MB</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="27"/>
        <source>{format} files are not supported; save it as .docx or .txt</source>
        <translation>不支持 {format} 文件，请另存为 .docx 或 .txt 后再导入</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="28"/>
        <source>an old Office file such as .doc; save it as .docx</source>
        <translation>旧版 Office 文件（如 .doc），请另存为 .docx</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="29"/>
        <source>unsupported file type (binary data, not text)</source>
        <translation>不支持的文件类型（二进制数据，不是文本）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="30"/>
        <source>not a text file (binary data: contains NUL bytes, the first on line {line})</source>
        <translation>不是文本文件（二进制数据：含有空字节，第一个在第 {line} 行）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="31"/>
        <source>not a text file (binary data: contains NUL characters)</source>
        <translation>不是文本文件（二进制数据：含有空字符）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="32"/>
        <source>not a text file (binary data: mostly control characters)</source>
        <translation>不是文本文件（二进制数据：大部分是控制字符）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="33"/>
        <source>not a text file (binary data or an unknown text encoding)</source>
        <translation>不是文本文件（二进制数据或无法识别的编码）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="34"/>
        <source>not a text file (says UTF-8 but most bytes are not UTF-8)</source>
        <translation>不是文本文件（标为 UTF-8，但大部分字节不是 UTF-8）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="35"/>
        <source>empty file</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="36"/>
        <source>empty file: only invisible characters (spaces, zero-width or control characters, byte-order marks)</source>
        <translation>文件为空：只有不可见字符（空格、零宽字符、控制字符或字节顺序标记）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="38"/>
        <source>the text is over {limit_mchars} M characters (the limit); the file expands far beyond its size (damaged or hostile file?)</source>
        <translation>文本超过 {limit_mchars} M 字符（上限），远超文件本身的大小（文件可能已损坏或被恶意构造）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="40"/>
        <source>the text has {lines} lines; the limit is {limit}: a list or data dump rather than a speech — split it into smaller files</source>
        <translation>文本有 {lines} 行，超过上限 {limit} 行：更像列表或数据导出，不是讲话稿——请拆分成较小的文件</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="42"/>
        <source>over {limit} HTML tags ({size_mb} MB); not a saved page (damaged or generated file?)</source>
        <translation>HTML 标签超过 {limit} 个（{size_mb} MB），不像保存的网页（文件可能已损坏或由程序生成）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="44"/>
        <source>not enough memory to read this file</source>
        <translation>内存不足，无法读取此文件</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="45"/>
        <source>the file is nested too deeply to read (damaged or hostile file)</source>
        <translation>文件嵌套过深，无法读取（文件可能已损坏或被恶意构造）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="46"/>
        <source>could not be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="47"/>
        <source>corrupt .docx (not a Word document package)</source>
        <translation>.docx 文件已损坏（不是 Word 文档包）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="48"/>
        <source>corrupt .docx (not a valid zip archive)</source>
        <translation>.docx 文件已损坏（不是有效的 zip 压缩包）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="49"/>
        <source>corrupt .docx (the part {part} is missing)</source>
        <translation>.docx 文件已损坏（缺少部件 {part}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="50"/>
        <source>corrupt .docx (damaged zip archive: {error})</source>
        <translation>.docx 文件已损坏（zip 压缩包受损：{error}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="51"/>
        <source>corrupt .docx (the XML inside is damaged: {error})</source>
        <translation>.docx 文件已损坏（内部 XML 受损：{error}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="52"/>
        <source>corrupt .docx (the main document part is &lt;{root}&gt;, not a Word document body)</source>
        <translation>.docx 文件已损坏（主文档部件是 &lt;{root}&gt;，不是 Word 正文）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="54"/>
        <source>encrypted or password-protected .docx</source>
        <translation>.docx 文件已加密或设有密码</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="55"/>
        <source>encrypted or password-protected .docx (or an old .doc file); remove the password or save it as .docx in Word</source>
        <translation>.docx 文件已加密或设有密码（或是旧版 .doc 文件）；请去掉密码，或在 Word 中另存为 .docx</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="57"/>
        <source>not a Word document (it is an Excel workbook renamed to .docx)</source>
        <translation>不是 Word 文档（是改名为 .docx 的 Excel 工作簿）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="58"/>
        <source>not a Word document (it is a PowerPoint file renamed to .docx)</source>
        <translation>不是 Word 文档（是改名为 .docx 的 PowerPoint 文件）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="59"/>
        <source>not a Word document (it is an OpenDocument {format} file renamed to .docx); open it in WPS, LibreOffice or Word and save it as .docx</source>
        <translation>不是 Word 文档（是改名为 .docx 的 OpenDocument {format} 文件）；请用 WPS、LibreOffice 或 Word 打开后另存为 .docx</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="59"/>
        <source>not a Word document (a zip archive without a Word document inside)</source>
        <translation>不是 Word 文档（zip 压缩包中没有 Word 文档）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="61"/>
        <source>unsafe .docx ({entries} files inside; the limit is {limit})</source>
        <translation>不安全的 .docx（内含 {entries} 个文件，上限 {limit} 个）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="62"/>
        <source>unsafe .docx: it would unpack to {size}; the limit is {limit} (possible zip bomb)</source>
        <translation>不安全的 .docx：解压后达 {size}，上限 {limit}（可能是压缩炸弹）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="64"/>
        <source>unsafe .docx: {part} expands {ratio}× (possible zip bomb)</source>
        <translation>不安全的 .docx：{part} 解压后膨胀 {ratio} 倍（可能是压缩炸弹）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="65"/>
        <source>unsafe .docx: {part} is {size} of XML; the limit is {limit}</source>
        <translation>不安全的 .docx：{part} 的 XML 有 {size}，上限 {limit}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="66"/>
        <source>corrupt .docx (cannot unpack {part}: {error})</source>
        <translation>.docx 文件已损坏（无法解压 {part}：{error}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="67"/>
        <source>unsafe .docx: {part} declares XML entities or a DTD, which Word never writes</source>
        <translation>不安全的 .docx：{part} 声明了 XML 实体或 DTD，Word 从不写入这些内容</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="69"/>
        <source>could not be cleaned ({error})</source>
        <translation>清理失败（{error}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="70"/>
        <source>no speech text left after removing the download-site chrome</source>
        <translation>去除下载网站的页面杂项后，没有剩下讲话正文</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="71"/>
        <source>outline could not be parsed ({error})</source>
        <translation>无法解析提纲（{error}）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="73"/>
        <source>symbolic link loop: this folder was already imported</source>
        <translation>符号链接循环：此文件夹已导入过</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="74"/>
        <source>folder could not be read ({error}); none of its files were imported</source>
        <translation>无法读取文件夹（{error}），其中的文件均未导入</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="75"/>
        <source>broken symbolic link (its target does not exist)</source>
        <translation>符号链接已失效（目标不存在）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="76"/>
        <source>symbolic link to a folder outside the imported folder ({target}); not followed</source>
        <translation>指向所导入文件夹之外的文件夹的符号链接（{target}），未跟随</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="77"/>
        <source>symbolic link to a file outside the imported folder ({target}); not followed</source>
        <translation>指向所导入文件夹之外的文件的符号链接（{target}），未跟随</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="78"/>
        <source>this is an open project (or one of its SQLite files), not a document to import</source>
        <translation>这是一个已打开的项目（或其 SQLite 文件），不是要导入的文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="79"/>
        <source>not saved ({error}); nothing of this file was saved</source>
        <translation>未保存（{error}），此文件的内容均未保存</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="80"/>
        <source>not saved: the disk is full; free some space and import it again</source>
        <translation>未保存：磁盘已满，请腾出空间后重新导入</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="81"/>
        <source>not saved: the project cannot be written (read-only file, folder or disk)</source>
        <translation>未保存：项目无法写入（文件、文件夹或磁盘为只读）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/read_reasons.py" line="82"/>
        <source>not saved: the disk reported an input/output error (is it full, removed or failing?)</source>
        <translation>未保存：磁盘报告输入/输出错误（是否已满、被移除或出现故障？）</translation>
    </message>
</context>
<context>
    <name>ReviewReason</name>
    <message>
        <source>ambiguous: “{0}” and its surroundings occur {1} times in the old text and {2} in the new one</source>
        <translation>无法确定位置：“{0}”及其上下文在旧文本中出现 {1} 次，在新文本中出现 {2} 次</translation>
    </message>
    <message>
        <source>its offsets [{0}, {1}) do not fit the old text</source>
        <translation>其位置 [{0}, {1}) 超出旧文本</translation>
    </message>
    <message>
        <source>its text was deleted</source>
        <translation>其文字已删除</translation>
    </message>
    <message>
        <source>its text was changed</source>
        <translation>其文字已改动</translation>
    </message>
</context>
<context>
    <name>OsError</name>
    <message>
        <source>file busy</source>
        <translation>文件正忙</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>操作被中断</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <source>file too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>invalid argument</source>
        <translation>参数无效</translation>
    </message>
    <message>
        <source>resource temporarily unavailable; try again</source>
        <translation>资源暂时不可用，请重试</translation>
    </message>
    <message>
        <source>timed out (a network folder that does not answer?)</source>
        <translation>超时（网络文件夹无响应？）</translation>
    </message>
    <message>
        <source>stale file handle (a network folder that went away?)</source>
        <translation>文件句柄已失效（网络文件夹已断开？）</translation>
    </message>
    <message>
        <source>no such device</source>
        <translation>设备不存在</translation>
    </message>
    <message>
        <source>no such device or address</source>
        <translation>设备或地址不存在</translation>
    </message>
    <message>
        <source>too many open files in the system</source>
        <translation>系统中打开的文件过多</translation>
    </message>
    <message>
        <source>too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>device or resource busy</source>
        <translation>设备或资源忙</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中有一部分不是文件夹</translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation>是文件夹</translation>
    </message>
    <message>
        <source>file name too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <source>too many levels of symbolic links</source>
        <translation>符号链接层数过多</translation>
    </message>
    <message>
        <source>read-only file system</source>
        <translation>只读文件系统</translation>
    </message>
    <message>
        <source>no space left on the disk</source>
        <translation>磁盘空间已满</translation>
    </message>
    <message>
        <source>input/output error (a failing disk, or a removed or disconnected drive?)</source>
        <translation>输入/输出错误（磁盘故障，或驱动器已拔出、断开？）</translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation>不允许此操作</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>ExchangeReason</name>
    <message>
        <source>label {0} must be [start, end, label], not {1} of {2} items</source>
        <translation>第 {0} 个 label 应为 [起点, 终点, 标签]，而不是含 {2} 项的{1}</translation>
    </message>
    <message>
        <source>the annotator</source>
        <translation>标注员名</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>task</source>
        <translation>个任务</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>stopped at {0} {1}: {2}; the ones before it are imported, it and the rest are not (import the file again once this is solved)</source>
        <translation>导入停在第 {1} {0}：{2}；之前的已导入，这一{0}及其后的未导入（问题解决后请重新导入该文件）</translation>
    </message>
    <message>
        <source>no Label Studio user given for {0}: their annotations have no completed_by (the server assigns them to the importing user; the name stays in each region's meta)</source>
        <translation>没有为 {0} 指定 Label Studio 用户：其标注没有 completed_by（服务器会归给导入的用户；姓名保留在每个区域的 meta 中）</translation>
    </message>
    <message>
        <source>{0}: {1} spans overlapping a span of the same label were left out</source>
        <translation>{0}：{1} 个与同类标签标注重叠的标注未写入</translation>
    </message>
    <message>
        <source>no spans match the selection: no file written</source>
        <translation>没有符合所选范围的标注：未写入文件</translation>
    </message>
    <message>
        <source>document {0}: already in the project, its outline was kept</source>
        <translation>文档 {0}：项目中已有，保留了项目中的大纲</translation>
    </message>
    <message>
        <source>{0} results of {1} carry no text span and were not imported</source>
        <translation>{0} 个 {1} 的结果不含文本片段，未导入</translation>
    </message>
    <message>
        <source>{0} tasks had 'completions' (Label Studio before 1.0): read as annotations</source>
        <translation>{0} 个任务带有 'completions'（Label Studio 1.0 之前的格式）：已按标注读取</translation>
    </message>
    <message>
        <source>{0} predictions were listed by id only (Label Studio's quick export): suggestions and rejected suggestions are not in this file; export a snapshot with full predictions to keep them</source>
        <translation>{0} 条预测只列出了编号（Label Studio 的快速导出）：文件中没有建议和被拒绝的建议；如需保留，请导出包含完整预测的快照</translation>
    </message>
    <message>
        <source>some regions had code-point offsets (not UTF-16); read as code points</source>
        <translation>部分区域的偏移量是码位（不是 UTF-16 单元），已按码位读取</translation>
    </message>
    <message>
        <source>{0} lines had no label, labels, entities or annotations key: their texts were imported without spans</source>
        <translation>{0} 行没有 label、labels、entities 或 annotations 键：只导入了文本，没有标注</translation>
    </message>
    <message>
        <source>{0} must be {1}, not {2}</source>
        <translation>{0} 应为{1}，而不是{2}</translation>
    </message>
    <message>
        <source>nested too deeply to read</source>
        <translation>嵌套过深，无法读取</translation>
    </message>
    <message>
        <source>nested more than {0} levels deep</source>
        <translation>嵌套超过 {0} 层</translation>
    </message>
    <message>
        <source>number {0} is out of range</source>
        <translation>数字 {0} 超出范围</translation>
    </message>
    <message>
        <source>integer {0} is too large (64-bit at most)</source>
        <translation>整数 {0} 太大（最多 64 位）</translation>
    </message>
    <message>
        <source>{0} is not a number JSON allows (NaN and Infinity are refused)</source>
        <translation>{0} 不是 JSON 允许的数字（不接受 NaN 和 Infinity）</translation>
    </message>
    <message>
        <source>no text to import: data has {0} but no 'text' (an image, audio or title-only task?)</source>
        <translation>没有可导入的文本：data 中有 {0}，但没有 'text'（图片、音频或只有标题的任务？）</translation>
    </message>
    <message>
        <source>region {0}: labels must be an array of strings</source>
        <translation>第 {0} 个区域：labels 应为字符串数组</translation>
    </message>
    <message>
        <source>region {0} [{1}, {2}) splits a character outside the BMP</source>
        <translation>第 {0} 个区域 [{1}, {2}) 切开了一个基本多文种平面以外的字符</translation>
    </message>
    <message>
        <source>region {0} [{1}, {2}) text {3} is not the text there (read as UTF-16 units or as code points)</source>
        <translation>第 {0} 个区域 [{1}, {2}) 的文字 {3} 与该处文本不符（按 UTF-16 单元和按码位读取均不符）</translation>
    </message>
    <message>
        <source>region {0} [{1}, {2}) does not fit the text ({3} UTF-16 units)</source>
        <translation>第 {0} 个区域 [{1}, {2}) 超出文本范围（共 {3} 个 UTF-16 单元）</translation>
    </message>
    <message>
        <source>region {0}: {1} must be an integer, not {2}</source>
        <translation>第 {0} 个区域：{1} 应为整数，而不是{2}</translation>
    </message>
    <message>
        <source>region {0} has no {1}</source>
        <translation>第 {0} 个区域缺少 {1}</translation>
    </message>
    <message>
        <source>it would add the label {0}, past the {1} new labels one file may add (are the label names right? to import them, add the labels to the project first)</source>
        <translation>将新增标签 {0}，超过一个文件最多可新增的 {1} 个标签（标签名是否正确？如确需导入，请先在项目中添加这些标签）</translation>
    </message>
    <message>
        <source>it would add the label {0} and {1} more, past the {2} new labels one file may add (are the label names right? to import them, add the labels to the project first)</source>
        <translation>将新增标签 {0} 等另外 {1} 个，超过一个文件最多可新增的 {2} 个标签（标签名是否正确？如确需导入，请先在项目中添加这些标签）</translation>
    </message>
    <message>
        <source>span [{0}, {1}) covers only a line break</source>
        <translation>标注 [{0}, {1}) 只包含一个换行符</translation>
    </message>
    <message>
        <source>the text is larger than the {0} MB document limit</source>
        <translation>文本超过单篇文档 {0} MB 的上限</translation>
    </message>
    <message>
        <source>gold cannot hold rejected suggestions</source>
        <translation>金标准中不能有被拒绝的建议</translation>
    </message>
    <message>
        <source>{0} is a reserved layer name</source>
        <translation>{0} 是保留的图层名</translation>
    </message>
    <message>
        <source>unknown status {0} (known: {1})</source>
        <translation>未知状态 {0}（可用：{1}）</translation>
    </message>
    <message>
        <source>{0}: attributes must be an object, not {1}</source>
        <translation>{0}：属性应为对象，而不是{1}</translation>
    </message>
    <message>
        <source>{0}: a label name longer than {1} characters</source>
        <translation>{0}：标签名超过 {1} 个字符</translation>
    </message>
    <message>
        <source>{0}: the label must be a non-empty string, not {1}</source>
        <translation>{0}：标签应为非空字符串，而不是{1}</translation>
    </message>
    <message>
        <source>{0} offsets must be integers, not {1} and {2}</source>
        <translation>{0}的偏移量应为整数，而不是{1}和{2}</translation>
    </message>
    <message>
        <source>a line must be a JSON object, not {0}</source>
        <translation>每行应为一个 JSON 对象，而不是{0}</translation>
    </message>
    <message>
        <source>label {0} must be [start, end, label], not {1}</source>
        <translation>第 {0} 个 label 应为 [起点, 终点, 标签]，而不是{1}</translation>
    </message>
    <message>
        <source>label holds categories (a classification project), not [start, end, label] spans</source>
        <translation>label 中是分类类别（文本分类项目），不是 [起点, 终点, 标签] 片段</translation>
    </message>
    <message>
        <source>label must be an array of [start, end, label], not {0}</source>
        <translation>label 应为 [起点, 终点, 标签] 的数组，而不是{0}</translation>
    </message>
    <message>
        <source>{0} must be an array of objects with start_offset, end_offset, label</source>
        <translation>{0} 应为包含 start_offset、end_offset、label 的对象数组</translation>
    </message>
    <message>
        <source>{0} has label id {1}, not a label name: export from doccano with label names to import it</source>
        <translation>{0}的标签是编号 {1}，不是标签名：请在 doccano 中按标签名导出后再导入</translation>
    </message>
    <message>
        <source>span [{0}, {1})</source>
        <translation>标注 [{0}, {1})</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <source>task {0}</source>
        <translation>第 {0} 个任务</translation>
    </message>
    <message>
        <source>is the open project (or one of its SQLite files), not a label file</source>
        <translation>是当前打开的项目（或其 SQLite 文件），不是标注文件</translation>
    </message>
    <message>
        <source>is {0} text (it starts with the byte-order mark {1}); label files must be UTF-8: save it as UTF-8 and import it again</source>
        <translation>是 {0} 文本（以字节顺序标记 {1} 开头）；标注文件必须是 UTF-8：请另存为 UTF-8 后重新导入</translation>
    </message>
    <message>
        <source>longer than {0} MB (the document limit)</source>
        <translation>超过 {0} MB（文档上限）</translation>
    </message>
    <message>
        <source>larger than {0} MB</source>
        <translation>大于 {0} MB</translation>
    </message>
    <message>
        <source>not a regular file (a pipe, socket or device); save the labels to a file first</source>
        <translation>不是普通文件（管道、套接字或设备）；请先把标注保存为文件</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>是文件夹，不是文件</translation>
    </message>
    <message>
        <source>expected a JSON array of tasks</source>
        <translation>应为任务的 JSON 数组</translation>
    </message>
    <message>
        <source>empty file: expected a JSON array of tasks</source>
        <translation>空文件：应为任务的 JSON 数组</translation>
    </message>
    <message>
        <source>empty file: there are no labels in it</source>
        <translation>空文件：其中没有标注</translation>
    </message>
    <message>
        <source>schema_version {0} is not supported (this version reads {1})</source>
        <translation>不支持 schema_version {0}（本版本读取 {1}）</translation>
    </message>
    <message>
        <source>text_sha256 does not match the text (the text was changed after export)</source>
        <translation>text_sha256 与文本不符（导出后文本被改动过）</translation>
    </message>
    <message>
        <source>no annotator: name one or import the labels as suggestions</source>
        <translation>没有标注员：请指定一位，或将标注作为建议导入</translation>
    </message>
    <message>
        <source>malformed ({0})</source>
        <translation>格式有误（{0}）</translation>
    </message>
    <message>
        <source>span [{0}, {1}) text {2} is not the text there</source>
        <translation>标注 [{0}, {1}) 的文字 {2} 与该处文字不符</translation>
    </message>
    <message>
        <source>span {0}: its text {1} is not the text at [{2}, {3})</source>
        <translation>标注 {0}：其文字 {1} 与 [{2}, {3}) 处的文字不符</translation>
    </message>
    <message>
        <source>no text</source>
        <translation>没有文本</translation>
    </message>
    <message>
        <source>{0} has no label</source>
        <translation>{0} 没有标签</translation>
    </message>
    <message>
        <source>{0} [{1}, {2}) does not fit the text's {3} characters</source>
        <translation>{0} [{1}, {2}) 超出文本的 {3} 个字符</translation>
    </message>
    <message>
        <source>not UTF-8 (byte {0} on line {1})</source>
        <translation>不是 UTF-8 编码（第 {1} 行有字节 {0}）</translation>
    </message>
    <message>
        <source>not UTF-8 (byte {0} at byte {1} of the line)</source>
        <translation>不是 UTF-8 编码（该行第 {1} 字节为 {0}）</translation>
    </message>
    <message>
        <source>not valid JSON ({0})</source>
        <translation>不是有效的 JSON（{0}）</translation>
    </message>
    <message>
        <source>span</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>section {0}</source>
        <translation>章节 {0}</translation>
    </message>
    <message>
        <source>region {0}</source>
        <translation>区域 {0}</translation>
    </message>
    <message>
        <source>label {0}</source>
        <translation>标签 {0}</translation>
    </message>
    <message>
        <source>span {0}</source>
        <translation>标注 {0}</translation>
    </message>
</context>
<context>
    <name>LabelChoice</name>
    <message>
        <source>soft</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>ExchangeFormat</name>
    <message>
        <source>Label Studio JSON</source>
        <translation>Label Studio JSON</translation>
    </message>
    <message>
        <source>Prodigy JSONL</source>
        <translation>Prodigy JSONL</translation>
    </message>
    <message>
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <source>CoNLL / BIO</source>
        <translation>CoNLL / BIO</translation>
    </message>
    <message>
        <source>Statistics table Excel</source>
        <translation>统计数据表 Excel</translation>
    </message>
    <message>
        <source>Statistics table CSV</source>
        <translation>统计数据表 CSV</translation>
    </message>
    <message>
        <source>Native JSONL</source>
        <translation>原生 JSONL</translation>
    </message>
</context>
<context>
    <name>Learning</name>
    <message>
        <location filename="../../annotator/gui/learning.py"/>
        <source>Retraining the suggestion model in the background…</source>
        <translation>正在后台重新训练建议模型…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/learning.py"/>
        <source>Retraining the suggestion model failed: {0}</source>
        <translation>重新训练建议模型失败：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/learning.py"/>
        <source>Suggestion model retrained on {0} answers; {1} open suggestions re-ranked</source>
        <translation>建议模型已根据 {0} 次判断重新训练；{1} 条未处理建议已重新排序</translation>
    </message>
</context>
</TS>
