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
    <name>AssetAccounts</name>
    <message>
        <source>System or device</source>
        <translation>系统或设备</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>下次更换</translation>
    </message>
    <message>
        <source>Due state</source>
        <translation>到期状态</translation>
    </message>
</context>
<context>
    <name>AssetAttachments</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Added at</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Drop files here to attach them; double-click opens a copy</source>
        <translation>把文件拖到这里即可添加；双击打开副本</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Drop files here · at most %1 MB each</source>
        <translation>可把文件拖到这里 · 单个最大 %1 MB</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>the asset</source>
        <translation>该资产</translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation>附件另存为</translation>
    </message>
</context>
<context>
    <name>AssetDetail</name>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit (F2)</source>
        <translation>编辑（F2）</translation>
    </message>
    <message>
        <source>Print label…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <source>Point at this asset</source>
        <translation>关联到此资产</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>巡检项</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Select an asset, or press Ctrl+N to register a new one.</source>
        <translation>选择一项资产，或按 Ctrl+N 登记新资产。</translation>
    </message>
    <message>
        <source>%1 items, %2 abnormal</source>
        <translation>%1 项，%2 项异常</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>登记入账</translation>
    </message>
</context>
<context>
    <name>AssetFilterBar</name>
    <message>
        <source>All classes</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>全部位置</translation>
    </message>
    <message>
        <source>In warranty</source>
        <translation>在保</translation>
    </message>
    <message>
        <source>Warranty ends within 90 days</source>
        <translation>90 天内到保</translation>
    </message>
    <message>
        <source>Warranty ended</source>
        <translation>已过保</translation>
    </message>
    <message>
        <source>No warranty date</source>
        <translation>无保修日期</translation>
    </message>
    <message>
        <source>Any warranty</source>
        <translation>全部保修状态</translation>
    </message>
    <message>
        <source>Search code, name, model, serial, IP, owner…</source>
        <translation>搜索编号、名称、型号、序列号、IP、责任人…</translation>
    </message>
</context>
<context>
    <name>AssetForm</name>
    <message>
        <source>Empty: the next code of the scheme</source>
        <translation>留空：按编号规则自动编号</translation>
    </message>
    <message>
        <source>10.1.1.21, 10.1.2.21</source>
        <translation>10.1.1.21, 10.1.2.21</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机柜</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Purchase date</source>
        <translation>购置日期</translation>
    </message>
    <message>
        <source>Warranty end</source>
        <translation>保修截止</translation>
    </message>
    <message>
        <source>Maintenance end</source>
        <translation>维保截止</translation>
    </message>
    <message>
        <source>Maintenance vendor</source>
        <translation>维保厂商</translation>
    </message>
    <message>
        <source>Maintenance contact</source>
        <translation>维保联系人</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP地址</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New asset</source>
        <translation>新增资产</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>The asset</source>
        <translation>该资产</translation>
    </message>
</context>
<context>
    <name>AssetImportDialog</name>
    <message>
        <source>Import assets from Excel</source>
        <translation>从 Excel 导入资产</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Match existing assets by</source>
        <translation>匹配已有资产依据</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP地址</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Column, value and reason</source>
        <translation>列、值与原因</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import assets</source>
        <translation>导入资产</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未识别）</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>%1 created, %2 updated, %3 unchanged, %4 refused</source>
        <translation>新增 %1 条，更新 %2 条，无变化 %3 条，拒绝 %4 条</translation>
    </message>
    <message>
        <source>Nothing can be applied while a row is refused: correct the file or the mapping and simulate again.</source>
        <translation>有行被拒绝时不能应用：请修改文件或列对应后重新模拟。</translation>
    </message>
    <message>
        <source>Applied: %1 created, %2 updated. Backup: %3</source>
        <translation>已应用：新增 %1 条，更新 %2 条。备份：%3</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
</context>
<context>
    <name>AssetPick</name>
    <message>
        <source>Type to search code or name</source>
        <translation>输入编号或名称搜索</translation>
    </message>
    <message>
        <source>(no asset)</source>
        <translation>（不关联资产）</translation>
    </message>
    <message>
        <source>%1 (not in the register)</source>
        <translation>%1（台账中没有）</translation>
    </message>
</context>
<context>
    <name>AssetsPage</name>
    <message>
        <source>Register</source>
        <translation>资产台账</translation>
    </message>
    <message>
        <source>Subnets</source>
        <translation>网段</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
</context>
<context>
    <name>AttachmentFlow</name>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Delete these files from %1? The history keeps who deleted which file and when.

%2</source>
        <translation>要从%1删除这些文件吗？历史记录会保留谁在何时删除了哪个文件。

%2</translation>
    </message>
    <message>
        <source>Delete attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>%1 looks like it holds a password. Keep passwords in the vault: delete this file and add the account to the vault instead.</source>
        <translation>%1 中似乎含有密码。密码应保存在密码库中：请删除此文件，改为在密码库中添加该账号。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Search summary, action, record</source>
        <translation>搜索摘要、操作、对象</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / 共 %2 条</translation>
    </message>
    <message>
        <source>UTC offset %1</source>
        <translation>时区偏移 %1</translation>
    </message>
    <message>
        <source>%1 events exported to %2</source>
        <translation>已导出 %1 条日志到 %2</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the ledger</source>
        <translation>备份账本</translation>
    </message>
    <message>
        <source>A backup is an online copy of the ledger, checked with SQLite&apos;s integrity check and the schema version, named by time and content hash. OpsLedger takes one on the first start of each day, before every schema upgrade and before every restore; 7 daily, 4 weekly and 12 monthly copies are kept in %1.</source>
        <translation>备份是台账的在线副本，经 SQLite 完整性检查和结构版本校验，按时间和内容哈希命名。OpsLedger 在每天首次启动时、每次结构升级前和每次恢复前自动备份；%1 中保留 7 份每日、4 份每周和 12 份每月副本。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Cancel the scheduled restore</source>
        <translation>取消已安排的恢复</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>耗时（秒）</translation>
    </message>
    <message>
        <source>This ledger is on a database server: back it up with the server&apos;s own tools (pg_dump), as the README&apos;s team-server section describes.</source>
        <translation>此台账位于数据库服务器上：请用服务器自带的工具（pg_dump）备份，见 README 的“团队服务器”一节。</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已按保留规则删除）</translation>
    </message>
    <message>
        <source>The ledger will be restored from %1 when OpsLedger starts next. Quit OpsLedger and start it again to restore; the current ledger is kept aside as a backup first. A ledger that is open is never replaced.</source>
        <translation>台账将在 OpsLedger 下次启动时从 %1 恢复。请退出 OpsLedger 并重新启动以完成恢复；恢复前会先把当前台账另存为备份。正在打开的台账绝不会被替换。</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Backup %1 taken at %2: %3, integrity check and schema version %4 passed (%5 s).</source>
        <translation>备份 %1 已于 %2 完成：%3，完整性检查和结构版本 %4 校验通过（%5 秒）。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>OpsLedger backups (*.sqlite3);;All files (*)</source>
        <translation>OpsLedger 备份 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This file cannot be restored: %1</source>
        <translation>此文件无法用于恢复：%1</translation>
    </message>
    <message>
        <source>The scheduled restore is cancelled.</source>
        <translation>已取消安排的恢复。</translation>
    </message>
    <message>
        <source>Daily backup taken: %1 (%2).</source>
        <translation>已完成每日备份：%1（%2）。</translation>
    </message>
    <message>
        <source>Daily backup failed: %1</source>
        <translation>每日备份失败：%1</translation>
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
    <name>ContractPage</name>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Import or re-import profile…</source>
        <translation>导入 / 重新导入配置…</translation>
    </message>
    <message>
        <source>Export profile…</source>
        <translation>导出配置…</translation>
    </message>
    <message>
        <source>No contract loaded.</source>
        <translation>尚未载入合同。</translation>
    </message>
    <message>
        <source>The profile sets none.</source>
        <translation>合同配置未设定。</translation>
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
        <source>Profile refused</source>
        <translation>合同配置被拒绝</translation>
    </message>
    <message>
        <source>Re-import cancelled; nothing was changed.</source>
        <translation>已取消重新导入，未做任何修改。</translation>
    </message>
    <message>
        <source>Profile imported: %1 changes applied.</source>
        <translation>合同配置已导入：应用了 %1 项变更。</translation>
    </message>
    <message>
        <source>Export contract profile</source>
        <translation>导出合同配置</translation>
    </message>
    <message>
        <source>Profile exported to %1</source>
        <translation>合同配置已导出到 %1</translation>
    </message>
</context>
<context>
    <name>CredentialDialog</name>
    <message>
        <source>Edit vault entry</source>
        <translation>编辑账号</translation>
    </message>
    <message>
        <source>Add vault entry</source>
        <translation>新增账号</translation>
    </message>
    <message>
        <source>System or device</source>
        <translation>系统或设备</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Mark accepted</source>
        <translation>标记已验收</translation>
    </message>
    <message>
        <source>Mark submitted</source>
        <translation>标记已提交</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>验收日期</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Accepted by (client)</source>
        <translation>验收人（甲方）</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Submitted to (client)</source>
        <translation>接收人（甲方）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DeliveryList</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>提交期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>验收</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Mark submitted</source>
        <translation>标记已提交</translation>
    </message>
    <message>
        <source>Mark accepted</source>
        <translation>标记已验收</translation>
    </message>
    <message>
        <source> (version %1)</source>
        <translation>（第 %1 版）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>%1 not submitted, %2 of them overdue</source>
        <translation>未提交 %1 份，其中逾期 %2 份</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>DueTree</name>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>暂无待办事项。</translation>
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
    <name>IdleLockBox</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Lock the KDBX file after this many minutes without use (0: never)</source>
        <translation>KDBX 文件在这么多分钟未使用后自动锁定（0 表示从不）</translation>
    </message>
    <message>
        <source>Auto-lock after</source>
        <translation>自动锁定：</translation>
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
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>How the SLA is computed</source>
        <translation>SLA 计算说明</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变更记录</translation>
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
    <message>
        <source>clock set back</source>
        <translation>时钟回拨</translation>
    </message>
    <message>
        <source>clock jumped ahead</source>
        <translation>时钟跳快</translation>
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
        <source>Incident class</source>
        <translation>故障类别</translation>
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
        <source>Computing SLA clocks…</source>
        <translation>正在计算 SLA 计时…</translation>
    </message>
    <message>
        <source>Show only open incidents whose SLA clock is at risk or breached</source>
        <translation>只显示 SLA 计时即将超时或已超时的未关闭故障</translation>
    </message>
    <message>
        <source>All SLA states</source>
        <translation>全部 SLA 状态</translation>
    </message>
    <message>
        <source>SLA at risk (≥ 75 %)</source>
        <translation>SLA 即将超时（已用 ≥ 75%）</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA 已超时</translation>
    </message>
    <message>
        <source>Occurred %1 – %2 (from the overview; choose a period to clear)</source>
        <translation>发生时间 %1 至 %2（来自总览；选择时间范围即可清除）</translation>
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
    <name>KdbxDialog</name>
    <message>
        <source>Use a KDBX file</source>
        <translation>使用 KDBX 文件</translation>
    </message>
    <message>
        <source>Passwords are kept in an encrypted KeePass (KDBX 4) file protected by a master password. KeePassXC opens the same file.</source>
        <translation>密码保存在以主密码保护的加密 KeePass（KDBX 4）文件中，KeePassXC 也能打开该文件。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Only for a new file</source>
        <translation>仅新建文件时填写</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Master password</source>
        <translation>主密码</translation>
    </message>
    <message>
        <source>Repeat (new file)</source>
        <translation>再输入一次（新文件）</translation>
    </message>
    <message>
        <source>Opening the KDBX file…</source>
        <translation>正在打开 KDBX 文件……</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>KDBX file</source>
        <translation>KDBX 文件</translation>
    </message>
    <message>
        <source>KeePass files (*.kdbx)</source>
        <translation>KeePass 文件 (*.kdbx)</translation>
    </message>
</context>
<context>
    <name>LegacyFiles</name>
    <message>
        <source>%1 old attachment file(s) are now kept inside the ledger and were moved out of the data folder to %2; delete that folder when you no longer need them.</source>
        <translation>%1 个旧附件文件已收录进台账，已从数据文件夹移到 %2；不再需要时可删除该文件夹。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
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
        <source>Vault</source>
        <translation>密码库</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Incident %1 created.</source>
        <translation>已登记故障 %1。</translation>
    </message>
    <message>
        <source>No page lists “%1” yet.</source>
        <translation>暂无列出“%1”的页面。</translation>
    </message>
    <message>
        <source>Opening the ledger…</source>
        <translation>正在打开台账…</translation>
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
        <source>Import assets…</source>
        <translation>导入资产…</translation>
    </message>
    <message>
        <source>Back up the ledger…</source>
        <translation>备份账本…</translation>
    </message>
    <message>
        <source>Restore the ledger…</source>
        <translation>恢复账本…</translation>
    </message>
    <message>
        <source>Contract profile…</source>
        <translation>合同配置…</translation>
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
    <name>OrphansBox</name>
    <message>
        <source>Clean up</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>%1 password(s) reached the system keyring after it had timed out and could not be removed again; the ledger has no entry for them.</source>
        <translation>%1 个密码在系统密钥环超时后才写入，且未能再次删除；台账中没有对应条目。</translation>
    </message>
</context>
<context>
    <name>OverviewDue</name>
    <message>
        <source>Reports to submit</source>
        <extracomment>agenda ``kind`` → English label (translated in context ``OverviewDue``)</extracomment>
        <translation>应交报告</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <source>Password rotations</source>
        <translation>密码轮换</translation>
    </message>
    <message>
        <source>Warranties ending</source>
        <translation>保修到期</translation>
    </message>
    <message>
        <source>Maintenance contracts ending</source>
        <translation>维保合同到期</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <source>Duty gaps</source>
        <translation>值班缺口</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Payment milestones</source>
        <translation>付款节点</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>待办：%1</translation>
    </message>
    <message>
        <source>Overdue %1 d</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>In %1 d</source>
        <translation>%1 天后到期</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Open &lt; 1 day</source>
        <extracomment>KPI tiles per row before they wrap (the 7-tile top rows&apos; width at the default window size)</extracomment>
        <translation>未关闭 &lt; 1 天</translation>
    </message>
    <message>
        <source>Open 1–3 days</source>
        <translation>未关闭 1–3 天</translation>
    </message>
    <message>
        <source>Open 3–7 days</source>
        <translation>未关闭 3–7 天</translation>
    </message>
    <message>
        <source>Open &gt; 7 days</source>
        <translation>未关闭 &gt; 7 天</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Today&apos;s inspections</source>
        <translation>今日巡检</translation>
    </message>
    <message>
        <source>To do now</source>
        <translation>待巡检</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Done today</source>
        <translation>今日已完成</translation>
    </message>
    <message>
        <source>SLA watch (live)</source>
        <translation>SLA 监控（实时）</translation>
    </message>
    <message>
        <source>At risk (≥ 75 % used)</source>
        <translation>即将超时（已用 ≥ 75%）</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>未关闭故障</translation>
    </message>
    <message>
        <source>Open incidents by age</source>
        <translation>未关闭故障（按时长）</translation>
    </message>
    <message>
        <source>This month&apos;s KPIs so far</source>
        <translation>本月考核指标（截至今日）</translation>
    </message>
    <message>
        <source>Everything due</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>No contract loaded.</source>
        <translation>未加载合同。</translation>
    </message>
    <message>
        <source>The overview could not be computed: %1</source>
        <translation>总览无法计算：%1</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · 更新于 %2</translation>
    </message>
    <message>
        <source>%1 due · %2 in progress</source>
        <translation>待执行 %1 · 进行中 %2</translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>无待巡检</translation>
    </message>
    <message>
        <source>Do these first</source>
        <translation>请优先补做</translation>
    </message>
    <message>
        <source>None overdue</source>
        <translation>无逾期</translation>
    </message>
    <message>
        <source>%1 upcoming later today</source>
        <translation>今日稍后还有 %1 项</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未关闭</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>未关闭 %1</translation>
    </message>
    <message>
        <source>Not closed yet</source>
        <translation>尚未关闭</translation>
    </message>
    <message>
        <source>None open</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Major — act now</source>
        <translation>重大故障，请立即处理</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Act before the target</source>
        <translation>请在时限前处理</translation>
    </message>
    <message>
        <source>None at risk</source>
        <translation>无即将超时</translation>
    </message>
    <message>
        <source>Target exceeded</source>
        <translation>已超出时限</translation>
    </message>
    <message>
        <source>None breached</source>
        <translation>无超时</translation>
    </message>
    <message>
        <source>response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>over by %1</source>
        <translation>已超 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>%1 incident(s): clocks cannot be computed (calendar missing)</source>
        <translation>%1 个故障的时钟无法计算（缺少日历）</translation>
    </message>
    <message>
        <source>KPIs %1 so far (to %2)</source>
        <translation>%1 考核指标（截至 %2）</translation>
    </message>
    <message>
        <source>%1 · target %2</source>
        <translation>%1 · 目标 %2</translation>
    </message>
    <message>
        <source>The contract profile names no KPI.</source>
        <translation>合同配置未定义考核指标。</translation>
    </message>
    <message>
        <source>Nothing measured yet this month</source>
        <translation>本月尚无可计量数据</translation>
    </message>
    <message>
        <source>A calendar year is not covered</source>
        <translation>有年度未录入节假日日历</translation>
    </message>
    <message>
        <source>Before the start of use</source>
        <translation>在启用日期之前</translation>
    </message>
</context>
<context>
    <name>PolicyBox</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>a–z</source>
        <translation>小写字母</translation>
    </message>
    <message>
        <source>A–Z</source>
        <translation>大写字母</translation>
    </message>
    <message>
        <source>0–9</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Password length</source>
        <translation>密码长度</translation>
    </message>
    <message>
        <source>Character classes</source>
        <translation>字符类别</translation>
    </message>
    <message>
        <source>Rotation period</source>
        <translation>更换周期</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
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
        <translation>摘要</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Warranty end</source>
        <translation>保修截止</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
</context>
<context>
    <name>RecordFiles</name>
    <message>
        <source>Attachments, kept in the ledger: double-click opens a copy; drop files here to attach them</source>
        <translation>附件保存在台账中：双击打开副本；把文件拖到这里即可添加</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Keep a file (screenshot, log, vendor report) in the ledger; backups and the team server carry it</source>
        <translation>将文件（截图、日志、厂商报告）保存到台账中；备份和团队服务器会一并带上</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>The file was not found when the ledger took the attachments in; attach it again if you still have it</source>
        <translation>台账收录附件时未找到该文件；如仍有原件，请重新添加</translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation>附件另存为</translation>
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
    <name>RegisterTab</name>
    <message>
        <source>New asset</source>
        <translation>新增资产</translation>
    </message>
    <message>
        <source>Register a new asset (Ctrl+N)</source>
        <translation>登记新资产（Ctrl+N）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a device list from Excel, simulated first (Ctrl+I)</source>
        <translation>从 Excel 导入设备清单，先模拟（Ctrl+I）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the listed assets to Excel, ready to print</source>
        <translation>将列出的资产导出为 Excel（已设置打印格式）</translation>
    </message>
    <message>
        <source>Export to profile…</source>
        <translation>导出到合同配置…</translation>
    </message>
    <message>
        <source>Write the contract profile&apos;s asset section (YAML)</source>
        <translation>写出合同配置的资产部分（YAML）</translation>
    </message>
    <message>
        <source>Labels…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Print QR labels of the listed assets on the label sheet chosen beside</source>
        <translation>把列表中资产的二维码标签打印到右侧所选的标签纸上</translation>
    </message>
    <message>
        <source>Label sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Export assets</source>
        <translation>导出资产</translation>
    </message>
    <message>
        <source>Export to profile</source>
        <translation>导出到合同配置</translation>
    </message>
    <message>
        <source>Print labels</source>
        <translation>打印标签</translation>
    </message>
</context>
<context>
    <name>ReimportDialog</name>
    <message>
        <source>Re-import preview</source>
        <translation>重新导入预览</translation>
    </message>
    <message>
        <source>The file describes the contract as it is stored: nothing would change.</source>
        <translation>文件内容与已保存的合同一致：不会有任何变更。</translation>
    </message>
    <message>
        <source>Importing %1 would make %2 changes:</source>
        <translation>导入 %1 将产生 %2 项变更：</translation>
    </message>
    <message>
        <source>The file describes another contract (%1); applying imports or updates that contract.</source>
        <translation>该文件描述的是另一份合同（%1）；应用后将导入或更新那份合同。</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>Submission and acceptance</source>
        <translation>提交与验收</translation>
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
        <translation>关闭</translation>
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
    <name>RotateDialog</name>
    <message>
        <source>Change password</source>
        <translation>更换密码</translation>
    </message>
    <message>
        <source>Policy: at least %1 characters with %3; changed every %2 days</source>
        <translation>密码策略：至少 %1 个字符，含%3；每 %2 天更换</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SecretEdit</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
</context>
<context>
    <name>SecretGuard</name>
    <message>
        <source>Vault</source>
        <translation>密码库</translation>
    </message>
    <message>
        <source>[password moved into the vault]</source>
        <translation>［密码已移入密码库］</translation>
    </message>
</context>
<context>
    <name>SecretWarningDialog</name>
    <message>
        <source>Password in the note?</source>
        <translation>记录中含有密码？</translation>
    </message>
    <message>
        <source>The text looks like it holds a password (%1). A password saved in a note lands in the database, its backups and every export. Move it into the vault?</source>
        <translation>填写的内容看起来含有密码（%1）。保存在记录里的密码会进入数据库、备份和所有导出文件。是否移入密码库？</translation>
    </message>
    <message>
        <source>Move into the vault</source>
        <translation>移入密码库</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>Notify from the tray when an inspection falls due or an SLA reaches 75 %</source>
        <translation>巡检到期或 SLA 用时达到 75% 时在系统托盘提醒</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Tray notifications on.</source>
        <translation>已开启托盘提醒。</translation>
    </message>
    <message>
        <source>Tray notifications off.</source>
        <translation>已关闭托盘提醒。</translation>
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
    <name>StocktakeTab</name>
    <message>
        <source>Start stocktake</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>(earlier stocktakes)</source>
        <translation>（以往盘点）</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>资产编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Moved to / description</source>
        <translation>现位置 / 描述</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>在位</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Found at (location)</source>
        <translation>实际位置</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>位置变动</translation>
    </message>
    <message>
        <source>Item found but not registered: description</source>
        <translation>发现但未登记的物品：描述</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Finish stocktake</source>
        <translation>结束盘点</translation>
    </message>
    <message>
        <source>Export discrepancy report…</source>
        <translation>导出差异报告…</translation>
    </message>
    <message>
        <source>Choose a location and start a stocktake.</source>
        <translation>请选择位置并开始盘点。</translation>
    </message>
    <message>
        <source>%1: %2 lines, %3 not yet seen, %4 missing, %5 moved, %6 not registered</source>
        <translation>%1：共 %2 条，未盘 %3 条，缺失 %4 条，位置变动 %5 条，未登记 %6 条</translation>
    </message>
    <message>
        <source>Export discrepancy report</source>
        <translation>导出盘点差异报告</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Waiting for the secret store…</source>
        <translation>正在等待密码存储……</translation>
    </message>
</context>
<context>
    <name>SubnetsTab</name>
    <message>
        <source>Subnet, e.g. 10.1.1.0/24</source>
        <translation>网段，如 10.1.1.0/24</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Declare subnet</source>
        <translation>登记网段</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>网段</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Used %</source>
        <translation>使用率 %</translation>
    </message>
    <message>
        <source>Select a subnet to see its used and free addresses.</source>
        <translation>选择一个网段以查看已用和空闲地址。</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>Computing…</source>
        <extracomment>tone → (background, border, text colour of the state line)</extracomment>
        <translation>正在计算…</translation>
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
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>To do now</source>
        <translation>待巡检</translation>
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
    <name>Tray</name>
    <message>
        <source>Inspection due: %1 %2</source>
        <translation>巡检到期：%1 %2</translation>
    </message>
    <message>
        <source>response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>SLA %1 %2: %3 % of the target used</source>
        <translation>SLA %1 %2：已用时限的 %3%</translation>
    </message>
    <message>
        <source>SLA %1 %2 breached</source>
        <translation>SLA %1 %2 已超时</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <source>OpsLedger</source>
        <translation>运维台账</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <source>Computing the 12-month trend…</source>
        <translation>正在计算近 12 个月趋势…</translation>
    </message>
    <message>
        <source>No month to show yet (the ledger starts this month).</source>
        <translation>暂无可显示的月份（台账本月启用）。</translation>
    </message>
    <message>
        <source>Incidents and availability by month, %1 – %2</source>
        <translation>每月故障数与系统稳定运行率（%1 至 %2）</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>故障数</translation>
    </message>
    <message>
        <source>Availability %</source>
        <translation>稳定运行率 %</translation>
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
    <name>VaultMessage</name>
    <message>
        <source>Unlock KDBX file…</source>
        <translation>解锁 KDBX 文件…</translation>
    </message>
    <message>
        <source>Use KDBX file…</source>
        <translation>使用 KDBX 文件…</translation>
    </message>
</context>
<context>
    <name>VaultPage</name>
    <message>
        <source>Search system, host, account, owner or asset code</source>
        <translation>搜索系统、主机、账号、负责人或资产编号</translation>
    </message>
    <message>
        <source>Due state</source>
        <translation>到期状态</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>下次更换</translation>
    </message>
    <message>
        <source>System or device</source>
        <translation>系统或设备</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>上次更换</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Rotation history (who and when; never the password)</source>
        <translation>更换记录（谁、何时；从不记录密码本身）</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>更换时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Due before</source>
        <translation>原到期日</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>新到期日</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Use system keyring</source>
        <translation>使用系统密钥环</translation>
    </message>
    <message>
        <source>Use KDBX file…</source>
        <translation>使用 KDBX 文件…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Lock the KDBX file now; its master password is asked again</source>
        <translation>立即锁定 KDBX 文件；再次使用时需重新输入主密码</translation>
    </message>
    <message>
        <source>Waiting for the secret store…</source>
        <translation>正在等待密码存储……</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the password; the clipboard is cleared after 30 seconds</source>
        <translation>复制密码；30 秒后自动清空剪贴板</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>更换密码…</translation>
    </message>
    <message>
        <source>Export to KDBX…</source>
        <translation>导出为 KDBX…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Asset codes not in the register (kept as typed; pick the asset in Edit): %1</source>
        <translation>以下资产编号在资产台账中不存在（按原样保留；请在“编辑”中选择资产）：%1</translation>
    </message>
    <message>
        <source>%1 (not in the register)</source>
        <translation>%1（台账中没有）</translation>
    </message>
    <message>
        <source>The KDBX file was locked after %1 minutes without use.</source>
        <translation>KDBX 文件已在 %1 分钟未使用后自动锁定。</translation>
    </message>
    <message>
        <source>Copied; the clipboard is cleared in 30 seconds.</source>
        <translation>已复制；30 秒后自动清空剪贴板。</translation>
    </message>
    <message>
        <source>Password changed; next change due %1.</source>
        <translation>密码已更换；下次应于 %1 前更换。</translation>
    </message>
    <message>
        <source>Delete vault entry</source>
        <translation>删除账号</translation>
    </message>
    <message>
        <source>Delete this entry and its password from the secret store?</source>
        <translation>从密码库删除此账号及其密码？</translation>
    </message>
    <message>
        <source>Export to KDBX</source>
        <translation>导出为 KDBX</translation>
    </message>
    <message>
        <source>KeePass files (*.kdbx)</source>
        <translation>KeePass 文件 (*.kdbx)</translation>
    </message>
    <message>
        <source>Master password of the new file:</source>
        <translation>新文件的主密码：</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2.</source>
        <translation>已将 %1 条导出到 %2。</translation>
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
    <message>
        <source>The ledger was restored from %1. The previous ledger is kept as %2.</source>
        <translation>台账已从 %1 恢复。原台账另存为 %2。</translation>
    </message>
</context>
</TS>
