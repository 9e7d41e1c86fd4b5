<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttributeEditor</name>
    <message>
        <location filename="../../annotator/gui/widgets/attribute_editor.py" line="34" />
        <source>Select a span to see its attributes</source>
        <translation>选择一个标注以查看其属性</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/widgets/attribute_editor.py" line="53" />
        <source>Suggestion: accept it (Enter) to edit its attributes</source>
        <translation>这是建议：先接受（Enter）才能编辑属性</translation>
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
        <location filename="../../annotator/gui/main_window.py" line="76" />
        <source>Read-only: this project file cannot be written; changes are disabled.</source>
        <translation>只读：无法写入此项目文件，修改已禁用。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="92" />
        <source>Search the speeches (Chinese full text)…</source>
        <translation>全文检索讲话稿…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="99" />
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="117" />
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="311" />
        <source>Suggestions failed: {0}</source>
        <translation>生成建议失败：{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="316" />
        <source>{0} suggestions</source>
        <translation>{0} 条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="320" />
        <source>Import speeches</source>
        <translation>导入讲话稿</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="321" />
        <source>Speeches (*.txt *.md *.docx *.html *.htm);;All files (*)</source>
        <translation>讲话稿 (*.txt *.md *.docx *.html *.htm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="326" />
        <source>Import a folder of speeches</source>
        <translation>导入讲话稿文件夹</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="342" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="342" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="360" />
        <location filename="../../annotator/gui/main_window.py" line="373" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="366" />
        <source>Imported {0}, skipped as duplicate {1}, failed {2}.</source>
        <translation>已导入 {0} 篇，重复跳过 {1} 篇，失败 {2} 篇。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="369" />
        <source>(cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="412" />
        <location filename="../../annotator/gui/main_window.py" line="415" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="412" />
        <source>Projects (*.db);;All files (*)</source>
        <translation>项目文件 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="416" />
        <source>Restart the annotator to open {0}, or run: annotator "{0}"</source>
        <translation>请重新启动标注工具以打开 {0}，或运行：annotator "{0}"</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="427" />
        <source>The language changes at the next start.</source>
        <translation>界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="440" />
        <source>Speech Structure Annotator</source>
        <translation>讲话结构标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="444" />
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="451" />
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
        <location filename="../../annotator/gui/actions.py" line="43" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="45" />
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="46" />
        <source>Import the sample speeches</source>
        <translation>导入示例讲话稿</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="47" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="48" />
        <source>Import report of this document</source>
        <translation>本文档的导入报告</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="50" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="51" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="57" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="59" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="62" />
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="64" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="69" />
        <source>Tag as {0}</source>
        <translation>标注为{0}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="75" />
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="79" />
        <source>Accept suggestion</source>
        <translation>接受建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="81" />
        <source>Reject suggestion</source>
        <translation>拒绝建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="82" />
        <source>Next suggestion</source>
        <translation>下一条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="84" />
        <source>Previous suggestion</source>
        <translation>上一条建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="86" />
        <source>Accept all in this section</source>
        <translation>接受本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="88" />
        <source>Reject all in this section</source>
        <translation>拒绝本节全部建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="90" />
        <source>Suggest again for this document</source>
        <translation>重新生成本文档的建议</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="92" />
        <source>&amp;Suggestions</source>
        <translation>建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="98" />
        <source>Add heading at selection</source>
        <translation>将所选内容设为标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="99" />
        <source>Remove heading</source>
        <translation>删除标题</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="100" />
        <source>Promote heading</source>
        <translation>标题升级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="101" />
        <source>Demote heading</source>
        <translation>标题降级</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="102" />
        <source>Title ends at cursor</source>
        <translation>标题在光标处结束</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="103" />
        <source>S&amp;tructure</source>
        <translation>结构(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="107" />
        <source>Next document</source>
        <translation>下一篇文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="108" />
        <source>Previous document</source>
        <translation>上一篇文档</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="110" />
        <source>Next section</source>
        <translation>下一节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="112" />
        <source>Previous section</source>
        <translation>上一节</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="114" />
        <source>Mark document done</source>
        <translation>标记本文档完成</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="115" />
        <source>&amp;Navigate</source>
        <translation>导航(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/actions.py" line="121" />
        <source>Tagging</source>
        <translation>标注</translation>
    </message>
</context>
</TS>