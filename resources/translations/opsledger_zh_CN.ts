<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About OpsLedger</source>
        <translation>关于运维台账</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>A ledger for resident O&amp;amp;M engineers: inspections, incidents, service desk and the reports owed to the client.</source>
        <translation>驻场运维工程师的台账：巡检、故障、服务台，以及向甲方提交的各类报告。</translation>
    </message>
</context>
<context>
    <name>CalendarYearsBox</name>
    <message>
        <source>Service calendar: official holiday arrangements</source>
        <translation>服务日历：法定节假日安排</translation>
    </message>
    <message>
        <source>Import year file…</source>
        <translation>导入年度文件…</translation>
    </message>
    <message>
        <source>Entered years override the built-in holiday table; SLA clocks and the inspection schedule need every year they touch to be covered.</source>
        <translation>已录入的年份优先于内置节假日表；SLA 计时和巡检计划需要覆盖所涉及的每一年。</translation>
    </message>
    <message>
        <source>No year entered: the built-in holiday table is used.</source>
        <translation>尚未录入年份：使用内置节假日表。</translation>
    </message>
    <message>
        <source>Import calendar year</source>
        <translation>导入日历年度</translation>
    </message>
    <message>
        <source>Calendar files (*.yaml *.yml *.json)</source>
        <translation>日历文件 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Calendar year %1 entered.</source>
        <translation>已录入 %1 年日历。</translation>
    </message>
    <message>
        <source>Import refused: %1</source>
        <translation>导入被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Export Word</source>
        <translation>导出 Word</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
</context>
<context>
    <name>ExportedTable</name>
    <message>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>导出人</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>全部业务系统</translation>
    </message>
    <message>
        <source>All engineers</source>
        <translation>全部工程师</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Search number, title, description, person…</source>
        <translation>搜索编号、标题、描述、人员…</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to OpsLedger</source>
        <translation>欢迎使用运维台账</translation>
    </message>
    <message>
        <source>The database is empty. Load the contract you work under, then say who you are: your name is recorded on every change.</source>
        <translation>数据库为空。请加载您所服务的合同，并填写您的姓名：每项修改都会记录操作人。</translation>
    </message>
    <message>
        <source>Import from file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Nothing before this day is due, missed or counted in reports.</source>
        <translation>此日之前的巡检不计应检、不计漏检，报告也不统计此日之前的数据。</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Who is using OpsLedger:</source>
        <translation>当前使用人：</translation>
    </message>
    <message>
        <source>Start of use (启用日期):</source>
        <translation>启用日期：</translation>
    </message>
    <message>
        <source>Shipped contract profiles:</source>
        <translation>内置合同配置：</translation>
    </message>
    <message>
        <source>Choose a contract profile first.</source>
        <translation>请先选择合同配置。</translation>
    </message>
    <message>
        <source>Import contract profile</source>
        <translation>导入合同配置</translation>
    </message>
    <message>
        <source>Contract profiles (*.yaml *.yml *.json)</source>
        <translation>合同配置文件 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>From file: %1</source>
        <translation>来自文件：%1</translation>
    </message>
    <message>
        <source>Enter your name: it is recorded on every change.</source>
        <translation>请输入您的姓名：每项修改都会记录操作人。</translation>
    </message>
</context>
<context>
    <name>IncidentDetail</name>
    <message>
        <source>Assign</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Pause / resume the SLA clock (Ctrl+P)</source>
        <translation>挂起 / 恢复 SLA 计时（Ctrl+P）</translation>
    </message>
    <message>
        <source>Note for the status change (the reason when pausing)</source>
        <translation>状态变更备注（挂起时填写挂起原因）</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Root-cause analysis</source>
        <translation>根因分析</translation>
    </message>
    <message>
        <source>When service was restored; closing an incident not yet marked restored records it as restored at this time</source>
        <translation>业务恢复的时间；关闭尚未标记恢复的故障时，按此时间记为已恢复</translation>
    </message>
    <message>
        <source>Restored at</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Mark restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Edit (F2)</source>
        <translation>编辑（F2）</translation>
    </message>
    <message>
        <source>Cause category</source>
        <translation>原因分类</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Store the cause, resolution and root-cause analysis typed here</source>
        <translation>保存此处填写的原因、解决方式和根因分析</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>关闭故障</translation>
    </message>
    <message>
        <source>Close with cause and resolution (Ctrl+Shift+C)</source>
        <translation>填写原因和解决方式后关闭（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Reason to reopen</source>
        <translation>重新打开原因</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Attachments: double-click opens a copy of the stored file</source>
        <translation>附件：双击打开存档文件的副本</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Copy a file (screenshot, log, vendor report) into OpsLedger&apos;s data folder</source>
        <translation>将文件（截图、日志、厂商报告）复制到运维台账数据目录存档</translation>
    </message>
    <message>
        <source>Select an incident, or press Ctrl+N to log a new one.</source>
        <translation>请选择一条故障，或按 Ctrl+N 登记新故障。</translation>
    </message>
    <message>
        <source>Required before closing: %1 is a major severity</source>
        <translation>关闭前必须填写：%1 属于重大故障</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>How the SLA is computed</source>
        <translation>SLA 计算说明</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>故障级别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reporter department</source>
        <translation>报修部门</translation>
    </message>
    <message>
        <source>Reporter name</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Reporter phone</source>
        <translation>报修电话</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>到场时间</translation>
    </message>
    <message>
        <source>Vendor case number</source>
        <translation>厂商工单号</translation>
    </message>
    <message>
        <source>Affected services</source>
        <translation>影响业务系统</translation>
    </message>
    <message>
        <source>Affected assets</source>
        <translation>影响设备</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Note / reason</source>
        <translation>备注 / 原因</translation>
    </message>
    <message>
        <source>No calendar</source>
        <translation>无日历</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>挂起扣除</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>日历来源</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>截止</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>Required before closing a major incident</source>
        <translation>重大故障关闭前必须填写</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>故障级别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reporter department</source>
        <translation>报修部门</translation>
    </message>
    <message>
        <source>Reporter name</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Reporter phone</source>
        <translation>报修电话</translation>
    </message>
    <message>
        <source>Affected services</source>
        <translation>影响业务系统</translation>
    </message>
    <message>
        <source>Affected assets</source>
        <translation>影响设备</translation>
    </message>
    <message>
        <source>Occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Root-cause analysis</source>
        <translation>根因分析</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>新建故障</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>The new incident</source>
        <translation>新建的故障</translation>
    </message>
</context>
<context>
    <name>IncidentFromResultDialog</name>
    <message>
        <source>Create incident from inspection result</source>
        <translation>由巡检结果登记故障</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>故障等级</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Create incident</source>
        <translation>登记故障</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>新建故障</translation>
    </message>
    <message>
        <source>Log a new incident (Ctrl+N)</source>
        <translation>登记新故障（Ctrl+N）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the fault log of the chosen period to Excel</source>
        <translation>将所选期间的故障台账导出为 Excel</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import incidents from an Excel fault log</source>
        <translation>从 Excel 故障台账导入故障</translation>
    </message>
    <message>
        <source>A closed incident is read-only; reopen it to change it.</source>
        <translation>已关闭的故障为只读，如需修改请先重新打开。</translation>
    </message>
</context>
<context>
    <name>InlineError</name>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 项</translation>
    </message>
</context>
<context>
    <name>InspectionLogExport</name>
    <message>
        <source>Export inspection log (Excel)</source>
        <translation>导出巡检记录（Excel）</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Export inspection log</source>
        <translation>导出巡检记录</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <source>No contract loaded.</source>
        <translation>尚未载入合同。</translation>
    </message>
    <message>
        <source>The range ends (%1) before it starts (%2).</source>
        <translation>结束日期（%1）早于开始日期（%2）。</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Inspection log exported: %1</source>
        <translation>巡检记录已导出：%1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>InspectionModels</name>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待巡检</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>未到时间</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>巡检模板</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>巡检单号</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>巡检项</translation>
    </message>
    <message>
        <source>Normal range</source>
        <translation>正常范围</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>记录值</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>故障单</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
</context>
<context>
    <name>InspectionRunPage</name>
    <message>
        <source>Note for this item (Tab from the answer, Enter saves)</source>
        <translation>本项备注（在记录框按 Tab 进入，回车保存）</translation>
    </message>
    <message>
        <source>Keys: 1/N normal · 2/A abnormal · 3/X n.a. · reading: type number + Enter · choice: its number · Tab note · ↑/↓ move · Ctrl+I incident from abnormal row · Ctrl+Enter finish · Esc back</source>
        <translation>按键：1/N 正常 · 2/A 异常 · 3/X 不适用 · 读数：输入数值后回车 · 选项：按其序号 · Tab 备注 · ↑/↓ 移动 · Ctrl+I 由异常项登记故障 · Ctrl+Enter 完成 · Esc 返回</translation>
    </message>
    <message>
        <source>Create incident (Ctrl+I)</source>
        <translation>登记故障 (Ctrl+I)</translation>
    </message>
    <message>
        <source>Finish (Ctrl+Enter)</source>
        <translation>完成巡检 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <source>Cannot start inspection</source>
        <translation>无法开始巡检</translation>
    </message>
    <message>
        <source>Last item. Ctrl+Enter finishes the inspection.</source>
        <translation>已是最后一项。按 Ctrl+Enter 完成巡检。</translation>
    </message>
    <message>
        <source>No inspection open. Choose one on the Today page.</source>
        <translation>未打开巡检。请在“今日”页面选择。</translation>
    </message>
    <message>
        <source>1/N normal · 2/A abnormal · 3/X n.a.</source>
        <translation>1/N 正常 · 2/A 异常 · 3/X 不适用</translation>
    </message>
    <message>
        <source>Type the reading and press Enter (normal: %1) · X n.a.</source>
        <translation>输入读数后回车（正常范围：%1）· X 不适用</translation>
    </message>
    <message>
        <source> · X n.a.</source>
        <translation> · X 不适用</translation>
    </message>
    <message>
        <source>Type the text and press Enter</source>
        <translation>输入内容后回车</translation>
    </message>
    <message>
        <source>Item %1 marked abnormal. Ctrl+I on it creates an incident.</source>
        <translation>第 %1 项已标记为异常。按 Ctrl+I 可由此登记故障。</translation>
    </message>
    <message>
        <source>Answer the item first, then add its note.</source>
        <translation>请先填写本项结果，再添加备注。</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>备注已保存。</translation>
    </message>
    <message>
        <source>Incidents are created from abnormal items.</source>
        <translation>只能由异常项登记故障。</translation>
    </message>
    <message>
        <source>Incident %1 already records this item.</source>
        <translation>该项已登记故障 %1。</translation>
    </message>
    <message>
        <source>Incident %1 created.</source>
        <translation>已登记故障 %1。</translation>
    </message>
    <message>
        <source>Unsaved entry</source>
        <translation>输入未保存</translation>
    </message>
    <message>
        <source>What you typed for this item is not saved yet. Save it before leaving?</source>
        <translation>本项输入的内容尚未保存。离开前保存吗？</translation>
    </message>
    <message>
        <source>Finish inspection</source>
        <translation>完成巡检</translation>
    </message>
    <message>
        <source>%1 items are not answered. Mark them n.a. and finish?</source>
        <translation>有 %1 项未填写。标记为不适用并完成巡检？</translation>
    </message>
    <message>
        <source>%1 finished: %2 abnormal.</source>
        <translation>%1 已完成：%2 项异常。</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>Any outcome</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>With abnormal items</source>
        <translation>有异常项</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Resume inspection</source>
        <translation>继续巡检</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>巡检模板</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Inspection history</source>
        <translation>巡检记录</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation>完成于 %1</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>%1 abnormal</source>
        <translation>%1 项异常</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Work log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Incident %1 created.</source>
        <translation>已登记故障 %1。</translation>
    </message>
    <message>
        <source>(no contract)</source>
        <translation>（未加载合同）</translation>
    </message>
    <message>
        <source>Contract: %1</source>
        <translation>合同：%1</translation>
    </message>
    <message>
        <source>Engineer: %1</source>
        <translation>工程师：%1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <source>Today: start or resume the selected inspection</source>
        <translation>今日：开始或继续所选巡检</translation>
    </message>
    <message>
        <source>Runner: normal</source>
        <translation>巡检执行：正常</translation>
    </message>
    <message>
        <source>Runner: abnormal</source>
        <translation>巡检执行：异常</translation>
    </message>
    <message>
        <source>Runner: not applicable</source>
        <translation>巡检执行：不适用</translation>
    </message>
    <message>
        <source>number + Enter</source>
        <translation>数值 + 回车</translation>
    </message>
    <message>
        <source>Runner: save a reading</source>
        <translation>巡检执行：保存读数</translation>
    </message>
    <message>
        <source>Runner: note of the current item</source>
        <translation>巡检执行：当前项备注</translation>
    </message>
    <message>
        <source>Runner: previous / next item</source>
        <translation>巡检执行：上一项 / 下一项</translation>
    </message>
    <message>
        <source>Runner: create an incident from the abnormal item</source>
        <translation>巡检执行：由异常项创建故障</translation>
    </message>
    <message>
        <source>Runner: finish the inspection</source>
        <translation>巡检执行：完成巡检</translation>
    </message>
    <message>
        <source>Runner: back to Today (the inspection stays open)</source>
        <translation>巡检执行：返回今日（巡检保持未完成）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Export inspection log…</source>
        <translation>导出巡检记录…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About OpsLedger</source>
        <translation>关于运维台账</translation>
    </message>
</context>
<context>
    <name>NarrativeEditor</name>
    <message>
        <source>Narrative</source>
        <translation>报告文字</translation>
    </message>
    <message>
        <source>Empty: a neutral default sentence is used</source>
        <translation>留空则使用默认表述</translation>
    </message>
    <message>
        <source>Save narrative</source>
        <translation>保存报告文字</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>工作总结</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Next period&apos;s plan</source>
        <translation>下期工作计划</translation>
    </message>
</context>
<context>
    <name>RecordColumns</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>报修人</translation>
    </message>
    <message>
        <source>Response SLA</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Restore SLA</source>
        <translation>恢复时限</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务系统</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>收集时间</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <source>No target (%1 used)</source>
        <translation>无目标（已用 %1）</translation>
    </message>
    <message>
        <source>Target %1, used %2 (service time)</source>
        <translation>目标 %1，已用 %2（服务时间）</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>Paused, %1 left</source>
        <translation>已挂起，剩余 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Met (%1)</source>
        <translation>达标（%1）</translation>
    </message>
    <message>
        <source>No calendar</source>
        <translation>无日历</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>计算出错</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>%1 of %2 shown</source>
        <translation>已显示 %1 / 共 %2 条</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exported reports</source>
        <translation>已导出的报告</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
    <message>
        <source>Quarterly report</source>
        <translation>季报</translation>
    </message>
    <message>
        <source>Half-year report</source>
        <translation>半年报</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>年报</translation>
    </message>
    <message>
        <source>Monthly requirements document</source>
        <translation>月度需求文档</translation>
    </message>
    <message>
        <source>No contract loaded.</source>
        <translation>尚未载入合同。</translation>
    </message>
    <message>
        <source> (in progress)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <source>Choose a period first.</source>
        <translation>请先选择报告期。</translation>
    </message>
    <message>
        <source>Unsaved narrative</source>
        <translation>报告文字未保存</translation>
    </message>
    <message>
        <source>The report narrative has unsaved edits. Save them before leaving?</source>
        <translation>报告文字有未保存的修改。离开前保存吗？</translation>
    </message>
    <message>
        <source>Cannot save the narrative</source>
        <translation>无法保存报告文字</translation>
    </message>
    <message>
        <source>Narrative saved.</source>
        <translation>报告文字已保存。</translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>Preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exported %1 (SHA-256 %2…)</source>
        <translation>已导出 %1（SHA-256 %2…）</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <source>Assign</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Record the response: work on the request starts now</source>
        <translation>记录响应：现在开始处理该工单</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭工单</translation>
    </message>
    <message>
        <source>Close (Ctrl+Shift+C)</source>
        <translation>关闭（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <source>Complaint (leave empty if none)</source>
        <translation>投诉内容（无投诉请留空）</translation>
    </message>
    <message>
        <source>Record follow-up</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>(default severity)</source>
        <translation>（默认级别）</translation>
    </message>
    <message>
        <source>Convert to incident</source>
        <translation>转为故障</translation>
    </message>
    <message>
        <source>Is a fault</source>
        <translation>属于故障</translation>
    </message>
    <message>
        <source>Select a request, or press Ctrl+N to record a new one.</source>
        <translation>请选择一条工单，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <source>Converted to incident</source>
        <translation>已转为故障</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <source>New service request</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>（未派单）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Requester department</source>
        <translation>申请部门</translation>
    </message>
    <message>
        <source>Requester name</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Requester phone</source>
        <translation>申请人电话</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务系统</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
    <message>
        <source>The new service request</source>
        <translation>新建的工单</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Record a new service request (Ctrl+N)</source>
        <translation>登记新工单（Ctrl+N）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the requests of the chosen period to Excel</source>
        <translation>将所选期间的工单导出为 Excel</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import service requests from Excel</source>
        <translation>从 Excel 导入工单</translation>
    </message>
</context>
<context>
    <name>RequirementDetail</name>
    <message>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <source>Select a requirement, or press Ctrl+N to record a new one.</source>
        <translation>请选择一条需求，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务系统</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>收集时间</translation>
    </message>
</context>
<context>
    <name>RequirementForm</name>
    <message>
        <source>New requirement</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务系统</translation>
    </message>
    <message>
        <source>Requester department</source>
        <translation>申请部门</translation>
    </message>
    <message>
        <source>Requester name</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The new requirement</source>
        <translation>新建的需求</translation>
    </message>
</context>
<context>
    <name>RequirementsPage</name>
    <message>
        <source>New requirement</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <source>Record a new requirement (Ctrl+N)</source>
        <translation>登记新需求（Ctrl+N）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the requirements of the chosen period to Excel</source>
        <translation>将所选期间的需求导出为 Excel</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Follow the system (Chinese by default)</source>
        <translation>跟随系统（默认中文）</translation>
    </message>
    <message>
        <source>Takes effect when OpsLedger is restarted.</source>
        <translation>重启运维台账后生效。</translation>
    </message>
    <message>
        <source>Import contract profile…</source>
        <translation>导入合同配置…</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Engineer (recorded on every change)</source>
        <translation>工程师（每项修改均记录）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Enter your name: it is recorded on every change.</source>
        <translation>请输入您的姓名：每项修改都会记录操作人。</translation>
    </message>
    <message>
        <source>Engineer saved.</source>
        <translation>工程师已保存。</translation>
    </message>
    <message>
        <source>Language saved; it takes effect when OpsLedger is restarted.</source>
        <translation>界面语言已保存，重启后生效。</translation>
    </message>
    <message>
        <source>Import contract profile</source>
        <translation>导入合同配置</translation>
    </message>
    <message>
        <source>Contract profiles (*.yaml *.yml *.json)</source>
        <translation>合同配置文件 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Contract profile imported: %1</source>
        <translation>已导入合同配置：%1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>功能</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Start / resume (Enter)</source>
        <translation>开始 / 继续 (Enter)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Start unscheduled inspection</source>
        <translation>开始临时巡检</translation>
    </message>
    <message>
        <source>Enter or double-click starts or resumes the selected inspection.</source>
        <translation>回车或双击开始（或继续）所选巡检。</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>今日 %1</translation>
    </message>
    <message>
        <source>No contract loaded.</source>
        <translation>未加载合同。</translation>
    </message>
    <message>
        <source>Done %1 · in progress %2 · due %3 · overdue %4 · upcoming %5</source>
        <translation>已完成 %1 · 进行中 %2 · 待巡检 %3 · 已逾期 %4 · 未到时间 %5</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>%1 has text that is not stored yet. Discard it?</source>
        <translation>%1 有尚未保存的内容，是否丢弃？</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 有尚未保存的修改，是否保存？</translation>
    </message>
</context>
<context>
    <name>WorkLogEntryForm</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>取消修改</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>添加记录</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>The work-log entry</source>
        <translation>工作日志记录</translation>
    </message>
</context>
<context>
    <name>WorkLogPage</name>
    <message>
        <source>Previous day (Alt+Left)</source>
        <translation>前一天（Alt+←）</translation>
    </message>
    <message>
        <source>Next day (Alt+Right)</source>
        <translation>后一天（Alt+→）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Export month…</source>
        <translation>导出本月…</translation>
    </message>
    <message>
        <source>Export the work log of the picked day&apos;s month to Excel</source>
        <translation>将所选日期所在月份的工作日志导出为 Excel</translation>
    </message>
    <message>
        <source>%1 lines, %2 in total</source>
        <translation>共 %1 条，合计 %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Who is using OpsLedger? (recorded on every change)</source>
        <translation>当前使用人是谁？（每项修改均记录）</translation>
    </message>
</context>
</TS>
