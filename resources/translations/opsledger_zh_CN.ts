<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/help_dialogs.py" line="48" />
        <source>About OpsLedger</source>
        <translation>关于运维台账</translation>
    </message>
    <message>
        <location filename="../../app/ui/help_dialogs.py" line="51" />
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/help_dialogs.py" line="52" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/help_dialogs.py" line="53" />
        <source>A ledger for resident O&amp;amp;M engineers: inspections, incidents, service desk and the reports owed to the client.</source>
        <translation>驻场运维工程师的台账：巡检、故障、服务台，以及向甲方提交的各类报告。</translation>
    </message>
</context>
<context>
    <name>CalendarYearsBox</name>
    <message>
        <location filename="../../app/ui/pages/settings/calendar.py" line="29" />
        <source>Service calendar: official holiday arrangements</source>
        <translation>服务日历：法定节假日安排</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/calendar.py" line="34" />
        <source>Import year file…</source>
        <translation>导入年度文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/calendar.py" line="36" />
        <source>Entered years override the built-in holiday table; SLA clocks and the inspection schedule need every year they touch to be covered.</source>
        <translation>已录入的年份优先于内置节假日表；SLA 计时和巡检计划需要覆盖所涉及的每一年。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/calendar.py" line="53" />
        <source>No year entered: the built-in holiday table is used.</source>
        <translation>尚未录入年份：使用内置节假日表。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/calendar.py" line="58" />
        <source>Import calendar year</source>
        <translation>导入日历年度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/calendar.py" line="59" />
        <source>Calendar files (*.yaml *.yml *.json)</source>
        <translation>日历文件 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/calendar.py" line="85" />
        <source>Calendar year %1 entered.</source>
        <translation>已录入 %1 年日历。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/calendar.py" line="90" />
        <source>Import refused: %1</source>
        <translation>导入被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <location filename="../../app/ui/pages/reports/export_panel.py" line="24" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/export_panel.py" line="28" />
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/export_panel.py" line="29" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/export_panel.py" line="29" />
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/export_panel.py" line="29" />
        <source>Export Word</source>
        <translation>导出 Word</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/export_panel.py" line="33" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/export_panel.py" line="49" />
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/export_panel.py" line="50" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/export_panel.py" line="75" />
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
</context>
<context>
    <name>ExportedTable</name>
    <message>
        <location filename="../../app/ui/pages/reports/exported.py" line="22" />
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/exported.py" line="22" />
        <source>By</source>
        <translation>导出人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/exported.py" line="22" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/exported.py" line="22" />
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/exported.py" line="23" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/exported.py" line="23" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/exported.py" line="23" />
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="182" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="183" />
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="188" />
        <source>All services</source>
        <translation>全部业务系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="191" />
        <source>All engineers</source>
        <translation>全部工程师</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="195" />
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="195" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="196" />
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="196" />
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="197" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="197" />
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="202" />
        <source>Search number, title, description, person…</source>
        <translation>搜索编号、标题、描述、人员…</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../app/ui/first_start.py" line="57" />
        <source>Welcome to OpsLedger</source>
        <translation>欢迎使用运维台账</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="59" />
        <source>The database is empty. Load the contract you work under, then say who you are: your name is recorded on every change.</source>
        <translation>数据库为空。请加载您所服务的合同，并填写您的姓名：每项修改都会记录操作人。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="69" />
        <source>Import from file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="75" />
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="80" />
        <source>Nothing before this day is due, missed or counted in reports.</source>
        <translation>此日之前的巡检不计应检、不计漏检，报告也不统计此日之前的数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="89" />
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="91" />
        <source>Who is using OpsLedger:</source>
        <translation>当前使用人：</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="92" />
        <source>Start of use (启用日期):</source>
        <translation>启用日期：</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="96" />
        <source>Shipped contract profiles:</source>
        <translation>内置合同配置：</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="121" />
        <source>Choose a contract profile first.</source>
        <translation>请先选择合同配置。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="162" />
        <source>Import contract profile</source>
        <translation>导入合同配置</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="162" />
        <source>Contract profiles (*.yaml *.yml *.json)</source>
        <translation>合同配置文件 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="180" />
        <source>From file: %1</source>
        <translation>来自文件：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_start.py" line="194" />
        <source>Enter your name: it is recorded on every change.</source>
        <translation>请输入您的姓名：每项修改都会记录操作人。</translation>
    </message>
</context>
<context>
    <name>IncidentDetail</name>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="560" />
        <source>Assign</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="561" />
        <source>Start</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="562" />
        <location filename="../../app/ui/pages/record_forms.py" line="663" />
        <source>Pending</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="563" />
        <source>Pause / resume the SLA clock (Ctrl+P)</source>
        <translation>挂起 / 恢复 SLA 计时（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="653" />
        <source>Restored</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="565" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="564" />
        <source>Mark restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="566" />
        <source>Edit (F2)</source>
        <translation>编辑（F2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="571" />
        <source>Note for the status change</source>
        <translation>状态变更备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="574" />
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="574" />
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="574" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="575" />
        <source>Power / environment</source>
        <translation>电力 / 机房环境</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="575" />
        <source>User operation</source>
        <translation>用户操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="576" />
        <source>Third party</source>
        <translation>第三方</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="576" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="580" />
        <source>Cause category</source>
        <translation>原因分类</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="581" />
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="582" />
        <source>Resolution</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="585" />
        <source>Close incident</source>
        <translation>关闭故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="586" />
        <source>Close with cause and resolution (Ctrl+Shift+C)</source>
        <translation>填写原因和解决方式后关闭（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="588" />
        <source>Reason to reopen</source>
        <translation>重新打开原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="589" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="597" />
        <source>Attachments: double-click opens a copy of the stored file</source>
        <translation>附件：双击打开存档文件的副本</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="598" />
        <source>Attach file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="599" />
        <source>Copy a file (screenshot, log, vendor report) into OpsLedger's data folder</source>
        <translation>将文件（截图、日志、厂商报告）复制到运维台账数据目录存档</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="638" />
        <source>Select an incident, or press Ctrl+N to log a new one.</source>
        <translation>请选择一条故障，或按 Ctrl+N 登记新故障。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="650" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="650" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="651" />
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="652" />
        <source>Reported</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="654" />
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="663" />
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="689" />
        <source>Attach file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="718" />
        <source>How the SLA is computed</source>
        <translation>SLA 计算说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="720" />
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="746" />
        <source>No calendar</source>
        <translation>无日历</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="748" />
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="748" />
        <source>paused</source>
        <translation>挂起扣除</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="748" />
        <source>counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="749" />
        <source>calendar</source>
        <translation>日历来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="750" />
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="750" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="753" />
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="755" />
        <source>used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="756" />
        <source>deadline</source>
        <translation>截止</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="404" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="404" />
        <source>Instant message</source>
        <translation>即时通讯</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="405" />
        <source>Walk-in</source>
        <translation>现场报修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="405" />
        <source>Monitoring</source>
        <translation>监控告警</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="405" />
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="406" />
        <source>Inspection</source>
        <translation>巡检发现</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="406" />
        <source>Service request</source>
        <translation>工单转入</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="419" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="420" />
        <source>Severity</source>
        <translation>故障级别</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="421" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="422" />
        <source>Reporter department</source>
        <translation>报修部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="423" />
        <source>Reporter name</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="424" />
        <source>Reporter phone</source>
        <translation>报修电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="425" />
        <source>Affected services</source>
        <translation>影响业务系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="426" />
        <source>Affected assets</source>
        <translation>影响设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="427" />
        <source>Occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="428" />
        <source>Reported at</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="429" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="433" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="434" />
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="436" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="437" />
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="471" />
        <source>New incident</source>
        <translation>新建故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="491" />
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
</context>
<context>
    <name>IncidentFromResultDialog</name>
    <message>
        <location filename="../../app/ui/pages/inspection/incident_dialog.py" line="33" />
        <source>Create incident from inspection result</source>
        <translation>由巡检结果登记故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/incident_dialog.py" line="47" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/incident_dialog.py" line="48" />
        <source>Severity</source>
        <translation>故障等级</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/incident_dialog.py" line="49" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/incident_dialog.py" line="50" />
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/incident_dialog.py" line="52" />
        <source>Create incident</source>
        <translation>登记故障</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="45" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="45" />
        <source>Assigned</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="46" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="46" />
        <source>Pending</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="47" />
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="47" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="48" />
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="50" />
        <source>New incident</source>
        <translation>新建故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="51" />
        <source>Log a new incident (Ctrl+N)</source>
        <translation>登记新故障（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="52" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="53" />
        <source>Export the fault log of the chosen period to Excel</source>
        <translation>将所选期间的故障台账导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="54" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/incidents.py" line="55" />
        <source>Import incidents from an Excel fault log</source>
        <translation>从 Excel 故障台账导入故障</translation>
    </message>
</context>
<context>
    <name>InlineError</name>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="129" />
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="132" />
        <source>… and %1 more</source>
        <translation>…… 另有 %1 项</translation>
    </message>
</context>
<context>
    <name>InspectionLogExport</name>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="52" />
        <source>Export inspection log (Excel)</source>
        <translation>导出巡检记录（Excel）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="64" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="65" />
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="66" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="69" />
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="70" />
        <source>Export inspection log</source>
        <translation>导出巡检记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="72" />
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="79" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="79" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="84" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="114" />
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="138" />
        <source>An export is already running.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="141" />
        <source>No contract loaded.</source>
        <translation>尚未载入合同。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="145" />
        <source>The range ends (%1) before it starts (%2).</source>
        <translation>结束日期（%1）早于开始日期（%2）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="152" />
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="162" />
        <source>Inspection log exported: %1</source>
        <translation>巡检记录已导出：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/export_log.py" line="169" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>InspectionModels</name>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="35" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="36" />
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="165" />
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="311" />
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="37" />
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="38" />
        <source>Not answered</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="45" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="46" />
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="326" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="47" />
        <source>Due</source>
        <translation>待巡检</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="48" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="49" />
        <source>Upcoming</source>
        <translation>未到时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="160" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="161" />
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="307" />
        <source>Checklist</source>
        <translation>巡检模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="162" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="163" />
        <source>Inspection</source>
        <translation>巡检单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="164" />
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="308" />
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="235" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="236" />
        <source>Section</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="237" />
        <source>Item</source>
        <translation>巡检项</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="238" />
        <source>Normal range</source>
        <translation>正常范围</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="239" />
        <source>Answer</source>
        <translation>记录值</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="240" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="241" />
        <source>Incident</source>
        <translation>故障单</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="242" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="305" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="306" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="309" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/inspection_models.py" line="310" />
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
</context>
<context>
    <name>InspectionRunPage</name>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="100" />
        <source>Note for this item (Tab from the answer, Enter saves)</source>
        <translation>本项备注（在记录框按 Tab 进入，回车保存）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="106" />
        <source>Keys: 1/N normal · 2/A abnormal · 3/X n.a. · reading: type number + Enter · choice: its number · Tab note · ↑/↓ move · Ctrl+I incident from abnormal row · Ctrl+Enter finish · Esc back</source>
        <translation>按键：1/N 正常 · 2/A 异常 · 3/X 不适用 · 读数：输入数值后回车 · 选项：按其序号 · Tab 备注 · ↑/↓ 移动 · Ctrl+I 由异常项登记故障 · Ctrl+Enter 完成 · Esc 返回</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="112" />
        <source>Create incident (Ctrl+I)</source>
        <translation>登记故障 (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="113" />
        <source>Finish (Ctrl+Enter)</source>
        <translation>完成巡检 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="114" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="166" />
        <source>Cannot start inspection</source>
        <translation>无法开始巡检</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="226" />
        <source>Last item. Ctrl+Enter finishes the inspection.</source>
        <translation>已是最后一项。按 Ctrl+Enter 完成巡检。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="237" />
        <source>No inspection open. Choose one on the Today page.</source>
        <translation>未打开巡检。请在“今日”页面选择。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="240" />
        <source>1/N normal · 2/A abnormal · 3/X n.a.</source>
        <translation>1/N 正常 · 2/A 异常 · 3/X 不适用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="241" />
        <source>Type the reading and press Enter (normal: %1) · X n.a.</source>
        <translation>输入读数后回车（正常范围：%1）· X 不适用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="243" />
        <source> · X n.a.</source>
        <translation> · X 不适用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="244" />
        <source>Type the text and press Enter</source>
        <translation>输入内容后回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="336" />
        <source>Item %1 marked abnormal. Ctrl+I on it creates an incident.</source>
        <translation>第 %1 项已标记为异常。按 Ctrl+I 可由此登记故障。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="349" />
        <source>Answer the item first, then add its note.</source>
        <translation>请先填写本项结果，再添加备注。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="362" />
        <source>Note saved.</source>
        <translation>备注已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="380" />
        <source>Incidents are created from abnormal items.</source>
        <translation>只能由异常项登记故障。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="385" />
        <source>Incident %1 already records this item.</source>
        <translation>该项已登记故障 %1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="403" />
        <source>Incident %1 created.</source>
        <translation>已登记故障 %1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="421" />
        <source>Unsaved entry</source>
        <translation>输入未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="422" />
        <source>What you typed for this item is not saved yet. Save it before leaving?</source>
        <translation>本项输入的内容尚未保存。离开前保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="450" />
        <source>Finish inspection</source>
        <translation>完成巡检</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="451" />
        <source>%1 items are not answered. Mark them n.a. and finish?</source>
        <translation>有 %1 项未填写。标记为不适用并完成巡检？</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/runner.py" line="473" />
        <source>%1 finished: %2 abnormal.</source>
        <translation>%1 已完成：%2 项异常。</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="71" />
        <source>Any outcome</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="72" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="73" />
        <source>With abnormal items</source>
        <translation>有异常项</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="74" />
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="88" />
        <source>Resume inspection</source>
        <translation>继续巡检</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="91" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="91" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="92" />
        <source>Checklist</source>
        <translation>巡检模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="92" />
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="93" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="109" />
        <source>Inspection history</source>
        <translation>巡检记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="142" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="199" />
        <source>finished %1</source>
        <translation>完成于 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="200" />
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/history.py" line="201" />
        <source>%1 abnormal</source>
        <translation>%1 项异常</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="135" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="136" />
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="137" />
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="138" />
        <source>Requests</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="139" />
        <source>Requirements</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="140" />
        <source>Work log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="141" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="142" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="161" />
        <source>Incident %1 created.</source>
        <translation>已登记故障 %1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="289" />
        <source>(no contract)</source>
        <translation>（未加载合同）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="290" />
        <source>Contract: %1</source>
        <translation>合同：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="291" />
        <source>Engineer: %1</source>
        <translation>工程师：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="292" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../app/ui/menus.py" line="70" />
        <location filename="../../app/ui/menus.py" line="94" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="71" />
        <location filename="../../app/ui/menus.py" line="100" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="72" />
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="72" />
        <source>Today: start or resume the selected inspection</source>
        <translation>今日：开始或继续所选巡检</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="73" />
        <source>Runner: normal</source>
        <translation>巡检执行：正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="74" />
        <source>Runner: abnormal</source>
        <translation>巡检执行：异常</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="75" />
        <source>Runner: not applicable</source>
        <translation>巡检执行：不适用</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="76" />
        <source>number + Enter</source>
        <translation>数值 + 回车</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="76" />
        <source>Runner: save a reading</source>
        <translation>巡检执行：保存读数</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="77" />
        <source>Runner: note of the current item</source>
        <translation>巡检执行：当前项备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="78" />
        <source>Runner: previous / next item</source>
        <translation>巡检执行：上一项 / 下一项</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="79" />
        <source>Runner: create an incident from the abnormal item</source>
        <translation>巡检执行：由异常项创建故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="80" />
        <source>Runner: finish the inspection</source>
        <translation>巡检执行：完成巡检</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="81" />
        <source>Runner: back to Today (the inspection stays open)</source>
        <translation>巡检执行：返回今日（巡检保持未完成）</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="90" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="91" />
        <source>Export inspection log…</source>
        <translation>导出巡检记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="92" />
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="95" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="99" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/menus.py" line="102" />
        <source>About OpsLedger</source>
        <translation>关于运维台账</translation>
    </message>
</context>
<context>
    <name>NarrativeEditor</name>
    <message>
        <location filename="../../app/ui/pages/reports/narrative.py" line="18" />
        <source>Narrative</source>
        <translation>报告文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/narrative.py" line="26" />
        <source>Empty: a neutral default sentence is used</source>
        <translation>留空则使用默认表述</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/narrative.py" line="27" />
        <source>Save narrative</source>
        <translation>保存报告文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/narrative.py" line="29" />
        <source>Summary</source>
        <translation>工作总结</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/narrative.py" line="30" />
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/narrative.py" line="31" />
        <source>Next period's plan</source>
        <translation>下期工作计划</translation>
    </message>
</context>
<context>
    <name>RecordColumns</name>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="294" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="468" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="495" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="295" />
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="297" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="469" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="496" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="301" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="473" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="498" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="302" />
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="304" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="478" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="306" />
        <source>Reporter</source>
        <translation>报修人</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="299" />
        <source>Response SLA</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="300" />
        <source>Restore SLA</source>
        <translation>恢复时限</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="471" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="474" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="476" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="499" />
        <source>Service</source>
        <translation>业务系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="480" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="501" />
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="482" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="503" />
        <source>Collected</source>
        <translation>收集时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="515" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="515" />
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="516" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="516" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="517" />
        <source>Summary</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>RecordLabels</name>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="57" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="58" />
        <source>Assigned</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="59" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="60" />
        <source>Pending</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="61" />
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="62" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="63" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="64" />
        <source>Collected</source>
        <translation>已收集</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="65" />
        <source>Analysed</source>
        <translation>已分析</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="66" />
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="67" />
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="68" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="69" />
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="70" />
        <source>Inspection</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="71" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="72" />
        <source>Instant message</source>
        <translation>即时通讯</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="73" />
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="74" />
        <source>Monitoring</source>
        <translation>监控告警</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="75" />
        <source>Walk-in</source>
        <translation>现场报修</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="76" />
        <location filename="../../app/ui/itemmodels/record_models.py" line="81" />
        <source>Service request</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="77" />
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="78" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="79" />
        <source>Manual</source>
        <translation>手工记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="80" />
        <source>Incident</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="82" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="83" />
        <source>Mostly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="84" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="85" />
        <source>Incident logged</source>
        <translation>故障登记</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="86" />
        <source>Incident status</source>
        <translation>故障状态变更</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="87" />
        <source>Incident edited</source>
        <translation>故障修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="88" />
        <source>Incident reopened</source>
        <translation>故障重新打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="89" />
        <source>Request resolved</source>
        <translation>工单解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="128" />
        <source>No target (%1 used)</source>
        <translation>无目标（已用 %1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="131" />
        <source>Target %1, used %2 (service time)</source>
        <translation>目标 %1，已用 %2（服务时间）</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="135" />
        <source>Overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="139" />
        <source>Paused, %1 left</source>
        <translation>已挂起，剩余 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="142" />
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="143" />
        <source>Met (%1)</source>
        <translation>达标（%1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="426" />
        <source>No calendar</source>
        <translation>无日历</translation>
    </message>
    <message>
        <location filename="../../app/ui/itemmodels/record_models.py" line="428" />
        <source>Error</source>
        <translation>计算出错</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../app/ui/pages/record_page.py" line="56" />
        <source>%1 of %2 shown</source>
        <translation>已显示 %1 / 共 %2 条</translation>
    </message>
</context>
<context>
    <name>RecordTransfer</name>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1261" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1275" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1286" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1296" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1299" />
        <source>Imported %1 records</source>
        <translation>已导入 %1 条记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1302" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1321" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1328" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../app/ui/pages/reports/preview.py" line="33" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="68" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="78" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="84" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="86" />
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="378" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="93" />
        <source>Exported reports</source>
        <translation>已导出的报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="148" />
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="149" />
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="150" />
        <source>Quarterly report</source>
        <translation>季报</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="151" />
        <source>Half-year report</source>
        <translation>半年报</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="152" />
        <source>Annual report</source>
        <translation>年报</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="153" />
        <source>Monthly requirements document</source>
        <translation>月度需求文档</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="178" />
        <location filename="../../app/ui/pages/reports/page.py" line="181" />
        <location filename="../../app/ui/pages/reports/page.py" line="227" />
        <source>No contract loaded.</source>
        <translation>尚未载入合同。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="196" />
        <source> (in progress)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="229" />
        <source>Choose a period first.</source>
        <translation>请先选择报告期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="254" />
        <source>Unsaved narrative</source>
        <translation>报告文字未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="255" />
        <source>The report narrative has unsaved edits. Save them before leaving?</source>
        <translation>报告文字有未保存的修改。离开前保存吗？</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="276" />
        <source>Cannot save the narrative</source>
        <translation>无法保存报告文字</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="279" />
        <source>Narrative saved.</source>
        <translation>报告文字已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="297" />
        <source>Building the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="320" />
        <source>Preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="341" />
        <source>An export is already running.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="377" />
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="377" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="402" />
        <source>Exported %1 (SHA-256 %2…)</source>
        <translation>已导出 %1（SHA-256 %2…）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="409" />
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="412" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/reports/page.py" line="413" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="961" />
        <source>Assign</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="962" />
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="963" />
        <source>Record the response: work on the request starts now</source>
        <translation>记录响应：现在开始处理该工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="967" />
        <location filename="../../app/ui/pages/record_forms.py" line="1042" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="970" />
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="971" />
        <source>Close</source>
        <translation>关闭工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="972" />
        <source>Close (Ctrl+Shift+C)</source>
        <translation>关闭（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="976" />
        <source>Resolution</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="978" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="979" />
        <source>Mostly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="980" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="982" />
        <source>Complaint (leave empty if none)</source>
        <translation>投诉内容（无投诉请留空）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="983" />
        <source>Record follow-up</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="987" />
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="989" />
        <source>(default severity)</source>
        <translation>（默认级别）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="990" />
        <source>Convert to incident</source>
        <translation>转为故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="993" />
        <source>Is a fault</source>
        <translation>属于故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1026" />
        <source>Select a request, or press Ctrl+N to record a new one.</source>
        <translation>请选择一条工单，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1039" />
        <source>Converted to incident</source>
        <translation>已转为故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1041" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1043" />
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1044" />
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="851" />
        <source>New service request</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="856" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="856" />
        <source>Instant message</source>
        <translation>即时通讯</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="857" />
        <source>Walk-in</source>
        <translation>现场报修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="857" />
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="857" />
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="858" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="864" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="865" />
        <source>(unassigned)</source>
        <translation>（未派单）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="870" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="870" />
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="871" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="871" />
        <source>Requester department</source>
        <translation>申请部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="872" />
        <source>Requester name</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="872" />
        <source>Requester phone</source>
        <translation>申请人电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="873" />
        <source>Service</source>
        <translation>业务系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="873" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="874" />
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="874" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="879" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="880" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="881" />
        <source>Save (Enter)</source>
        <translation>保存（Enter）</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="42" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="42" />
        <source>Assigned</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="43" />
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="43" />
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="44" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="45" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="47" />
        <source>New request</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="48" />
        <source>Record a new service request (Ctrl+N)</source>
        <translation>登记新工单（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="49" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="50" />
        <source>Export the requests of the chosen period to Excel</source>
        <translation>将所选期间的工单导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="51" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requests.py" line="52" />
        <source>Import service requests from Excel</source>
        <translation>从 Excel 导入工单</translation>
    </message>
</context>
<context>
    <name>RequirementDetail</name>
    <message>
        <location filename="../../app/ui/pages/requirements.py" line="57" />
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requirements.py" line="73" />
        <source>Select a requirement, or press Ctrl+N to record a new one.</source>
        <translation>请选择一条需求，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requirements.py" line="82" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requirements.py" line="83" />
        <source>Service</source>
        <translation>业务系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requirements.py" line="84" />
        <source>Collected</source>
        <translation>收集时间</translation>
    </message>
</context>
<context>
    <name>RequirementForm</name>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1121" />
        <source>New requirement</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1126" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1131" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1131" />
        <source>Service</source>
        <translation>业务系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1132" />
        <source>Requester department</source>
        <translation>申请部门</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1133" />
        <source>Requester name</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1133" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1138" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1139" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RequirementsPage</name>
    <message>
        <location filename="../../app/ui/pages/requirements.py" line="116" />
        <source>New requirement</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requirements.py" line="117" />
        <source>Record a new requirement (Ctrl+N)</source>
        <translation>登记新需求（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requirements.py" line="118" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/requirements.py" line="119" />
        <source>Export the requirements of the chosen period to Excel</source>
        <translation>将所选期间的需求导出为 Excel</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="46" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="51" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="53" />
        <source>Follow the system (Chinese by default)</source>
        <translation>跟随系统（默认中文）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="58" />
        <source>Takes effect when OpsLedger is restarted.</source>
        <translation>重启运维台账后生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="62" />
        <source>Import contract profile…</source>
        <translation>导入合同配置…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="70" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="72" />
        <source>Engineer (recorded on every change)</source>
        <translation>工程师（每项修改均记录）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="73" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="78" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="79" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="119" />
        <source>Enter your name: it is recorded on every change.</source>
        <translation>请输入您的姓名：每项修改都会记录操作人。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="123" />
        <source>Engineer saved.</source>
        <translation>工程师已保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="128" />
        <source>Language saved; it takes effect when OpsLedger is restarted.</source>
        <translation>界面语言已保存，重启后生效。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="144" />
        <source>Import contract profile</source>
        <translation>导入合同配置</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="145" />
        <source>Contract profiles (*.yaml *.yml *.json)</source>
        <translation>合同配置文件 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/settings/page.py" line="159" />
        <source>Contract profile imported: %1</source>
        <translation>已导入合同配置：%1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/help_dialogs.py" line="19" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../app/ui/help_dialogs.py" line="24" />
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../app/ui/help_dialogs.py" line="24" />
        <source>Action</source>
        <translation>功能</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../app/ui/pages/inspection/today.py" line="66" />
        <source>Start / resume (Enter)</source>
        <translation>开始 / 继续 (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/today.py" line="67" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/today.py" line="70" />
        <source>Start unscheduled inspection</source>
        <translation>开始临时巡检</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/today.py" line="71" />
        <source>Enter or double-click starts or resumes the selected inspection.</source>
        <translation>回车或双击开始（或继续）所选巡检。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/today.py" line="116" />
        <source>Today %1</source>
        <translation>今日 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/today.py" line="119" />
        <source>No contract loaded.</source>
        <translation>未加载合同。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/inspection/today.py" line="142" />
        <source>Done %1 · in progress %2 · due %3 · overdue %4 · upcoming %5</source>
        <translation>已完成 %1 · 进行中 %2 · 待巡检 %3 · 已逾期 %4 · 未到时间 %5</translation>
    </message>
</context>
<context>
    <name>WorkLogEntryForm</name>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1203" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1205" />
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1206" />
        <source>Started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1207" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1208" />
        <source>Summary</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/record_forms.py" line="1211" />
        <source>Add entry</source>
        <translation>添加记录</translation>
    </message>
</context>
<context>
    <name>WorkLogPage</name>
    <message>
        <location filename="../../app/ui/pages/worklog.py" line="50" />
        <source>Previous day (Alt+Left)</source>
        <translation>前一天（Alt+←）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/worklog.py" line="57" />
        <source>Next day (Alt+Right)</source>
        <translation>后一天（Alt+→）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/worklog.py" line="58" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/worklog.py" line="59" />
        <source>Export month…</source>
        <translation>导出本月…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/worklog.py" line="60" />
        <source>Export the work log of the picked day's month to Excel</source>
        <translation>将所选日期所在月份的工作日志导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/worklog.py" line="125" />
        <source>%1 lines, %2 in total</source>
        <translation>共 %1 条，合计 %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/ui/main.py" line="32" />
        <source>Who is using OpsLedger? (recorded on every change)</source>
        <translation>当前使用人是谁？（每项修改均记录）</translation>
    </message>
</context>
</TS>