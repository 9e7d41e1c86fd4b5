"""Builds small .docx files for the reader tests (python-docx plus hand-written numbering.xml).

Generated at test time rather than committed, so every fixture's construction is readable here.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Two lists: numId 1 is the outline "一、 / （一） / 1. / （1）" (abstract 10); numId 2 reuses it but
# starts its top level at 3 (startOverride); numId 3 is 甲乙丙 with decimal sublevel and a bullet level;
# numId 4 is a heading list whose styles name only the list (the level comes from the lvl's pStyle).
NUMBERING_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="10">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="20">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
    <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="30">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="OutlineA"/>
      <w:lvlText w:val="第%1部分"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/><w:pStyle w:val="OutlineB"/>
      <w:lvlText w:val="%2．"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="10"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>
"""


def set_numbering(paragraph_or_style_ppr, num_id: int | None, ilvl: int | None) -> None:
    """Add <w:numPr> (numId and/or ilvl) to a paragraph's or a style's pPr."""
    num_pr = OxmlElement("w:numPr")
    if ilvl is not None:
        el = OxmlElement("w:ilvl")
        el.set(qn("w:val"), str(ilvl))
        num_pr.append(el)
    if num_id is not None:
        el = OxmlElement("w:numId")
        el.set(qn("w:val"), str(num_id))
        num_pr.append(el)
    paragraph_or_style_ppr.append(num_pr)


def rezip(data: bytes, replace: dict[str, bytes] | None = None, drop: set[str] | None = None) -> bytes:
    """A copy of the archive ``data`` with some parts replaced or removed."""
    replace = replace or {}
    drop = drop or set()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def numbered_speech_docx() -> bytes:
    """A speech whose outline markers exist only as Word auto-numbering, with a table in the middle."""
    document = docx.Document()
    document.core_properties.title = "在全市工作会议上的讲话"
    document.core_properties.author = "测试作者"
    styles = document.styles
    heading = styles.add_style("讲话一级标题", 1)  # WD_STYLE_TYPE.PARAGRAPH
    set_numbering(heading.element.get_or_add_pPr(), 1, 0)
    child = styles.add_style("讲话二级标题", 1)
    child.base_style = heading
    set_numbering(child.element.get_or_add_pPr(), None, 1)  # numId inherited from the base style

    def para(text, num_id=None, ilvl=None, style=None):
        p = document.add_paragraph(text, style=style)
        if num_id is not None or ilvl is not None:
            set_numbering(p._p.get_or_add_pPr(), num_id, ilvl)
        return p

    para("同志们：")
    para("今天我们召开会议，研究部署下一阶段工作。")
    para("总结成绩", style="讲话一级标题")
    para("经济运行稳中有进", style="讲话二级标题")
    para("全年生产总值增长百分之五。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "增速"
    table.cell(1, 0).text = "投资"
    table.cell(1, 1).text = "6.1%"
    para("民生保障持续加强", style="讲话二级标题")
    para("部署任务", style="讲话一级标题")
    para("抓好项目建设", 1, 1)
    para("加快审批", 1, 2)
    para("强化服务", 1, 2)
    para("细化分工", 1, 3)
    para("抓好安全生产", 1, 1)
    para("压实责任", 1, 2)
    para("不显示编号", 0, 0)  # numId 0 switches numbering off
    para("另起一个列表", 2, 0)
    para("天干一", 3, 0)
    para("法定编号", 3, 1)
    para("项目符号", 3, 2)
    para("天干二", 3, 0)
    for name in ("Outline A", "Outline B"):
        style = styles.add_style(name, 1)
        set_numbering(style.element.get_or_add_pPr(), 4, None)
    para("总体要求", style="Outline A")
    para("指导思想", style="Outline B")
    para("主要目标", style="Outline B")
    para("重点任务", style="Outline A")
    para("加强统筹", style="Outline B")
    para("谢谢大家！")
    data = to_bytes(document)
    return rezip(data, replace={"word/numbering.xml": NUMBERING_XML.encode("utf-8")})


EXPECTED_NUMBERED_LINES = [
    "同志们：",
    "今天我们召开会议，研究部署下一阶段工作。",
    "一、总结成绩",
    "（一）经济运行稳中有进",
    "全年生产总值增长百分之五。",
    "指标\t增速",
    "投资\t6.1%",
    "（二）民生保障持续加强",
    "二、部署任务",
    "（一）抓好项目建设",
    "1.加快审批",
    "2.强化服务",
    "（1）细化分工",
    "（二）抓好安全生产",
    "1.压实责任",
    "不显示编号",
    "三、另起一个列表",
    "甲、天干一",
    "1.5 法定编号",
    "项目符号",
    "乙、天干二",
    "第一部分总体要求",
    "１．指导思想",
    "２．主要目标",
    "第二部分重点任务",
    "１．加强统筹",
    "谢谢大家！",
]
