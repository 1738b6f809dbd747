/**
 * The one synonym table of the readers: every spelling we know of each header field (项目名称,
 * 主管部门, 资金总额, 年度目标, …) and of each indicator column role (一级/二级/三级指标, 指标值,
 * 指标性质, 度量单位, 权重, 实际完成值, …), gathered from the provincial forms (Hebei, Ningxia,
 * Hubei, Sichuan, Anhui, Fujian, Hunan, Shaanxi, Heilongjiang, the central 2021 templates, the 一体化
 * exports, 绩效自评表 and 部门整体支出绩效目标表).
 *
 * API (for readers):
 *   - `HeaderField`, `ColumnRole`, `ColumnGroup`: the vocabularies.
 *   - `SynonymTable`: { fields: Record<HeaderField, (string | RegExp)[]>; columns: Record<ColumnRole, LabelPattern[]> }.
 *     Strings are compared by labelKey (spaces, full/half width, case folded); RegExps are tested on the labelKey.
 *   - `DEFAULT_SYNONYMS`: the built-in table.
 *   - `extendSynonyms(base, extra)`: a new table with a user's extra spellings appended.
 *   - `fieldOf(text, table?)`: which header field a label cell names (null when none). A trailing colon and a
 *     trailing unit annotation such as “（万元）” are ignored.
 *   - `classifyColumn(text, table?)`: { role, group } for an indicator header cell; group is "year" (年度/当年/
 *     本年), "mid" (中期/长期/实施期) or null (shared by both groups, e.g. 一级指标).
 *   - `parseLabelsJson(text, file)`: a user's `--labels` file → extra synonyms, or a LabelsFileError (zh message).
 *     Format (every key optional, every value a list of label texts):
 *       { "fields":  { "name": ["工程名称"], "total": ["申请金额"] },
 *         "columns": { "value": ["预期指标值"], "level3": ["考核指标"] } }
 *
 * Knowledge of 一级/二级 *values* (产出指标, 数量指标, …) is not here: it lives in taxonomy.ts.
 */
import { labelKey, matchesKey } from "./labels";

export type HeaderField =
  | "name" // 项目名称
  | "code" // 项目编码
  | "competentDepartment" // 主管部门(及代码)
  | "departmentCode" // 主管部门编码 / 部门预算编码
  | "budgetUnit" // 预算单位 / 填报单位 (the unit submitting the table)
  | "implementingUnit" // 实施单位
  | "attribute" // 项目属性 / 项目类型
  | "period" // 项目期 / 项目起止时间
  | "leader" // 项目负责人 (read as a label only: a value search stops there)
  | "phone" // 联系电话
  | "budgetBlock" // 项目资金 / 预算规模及资金用途 (caption of the money block)
  | "total" // 预算数 / 资金总额
  | "fiscal" // 财政资金 / 财政拨款
  | "other" // 其他资金
  | "carriedOver" // 上年结转
  | "goalBlock" // 总体目标 / 项目绩效目标 (caption over 中期 | 年度)
  | "yearGoal" // 年度目标 / 年度总体目标 / 绩效目标
  | "midGoal" // 中期目标 / 长期目标
  | "purpose" // 资金用途 / 项目概况
  | "spendPlan" // 资金支出计划
  | "basis" // 立项依据
  | "indicatorBlock" // 绩效指标 / 绩效项目指标表 (caption left of or above the indicator header)
  | "moneyUnit" // 单位：万元 / 金额单位：元
  // 绩效自评表: the 项目资金 block's columns, the actuals beside the goals, the total and grade.
  | "initialBudget" // 年初预算数
  | "annualBudget" // 全年预算数 / 调整后预算数
  | "executed" // 全年执行数 / 预算执行数
  | "executionRate" // 执行率
  | "goalActual" // 实际完成情况 / 年度目标完成情况
  | "scoreTotal" // 总分 / 合计 (row under the indicators)
  | "grade" // 自评等级
  | "conclusion" // 评价结论
  | "issues" // 存在问题
  | "measures" // 改进措施
  // 部门整体支出绩效目标表: 年度预算安排 by kind of spending, the 年度履职目标 table.
  | "basicSpend" // 基本支出
  | "projectSpend" // 项目支出
  | "dutyBlock" // 年度履职目标 / 年度主要任务
  | "dutyFunction" // 部门职能
  | "dutyTask" // 年度目标任务 / 任务名称
  | "dutyContent" // 主要内容
  | "dutyProject" // 支出项目名称
  | "dutyAmount"; // 预算金额

export const HEADER_FIELDS: readonly HeaderField[] = [
  "name",
  "code",
  "competentDepartment",
  "departmentCode",
  "budgetUnit",
  "implementingUnit",
  "attribute",
  "period",
  "leader",
  "phone",
  "budgetBlock",
  "total",
  "fiscal",
  "other",
  "carriedOver",
  "goalBlock",
  "yearGoal",
  "midGoal",
  "purpose",
  "spendPlan",
  "basis",
  "indicatorBlock",
  "moneyUnit",
  // Last: they never take a label from the fields above (fieldOf tries fields in this order).
  "initialBudget",
  "annualBudget",
  "executed",
  "executionRate",
  "goalActual",
  "scoreTotal",
  "grade",
  "conclusion",
  "issues",
  "measures",
  "basicSpend",
  "projectSpend",
  "dutyBlock",
  "dutyFunction",
  "dutyTask",
  "dutyContent",
  "dutyProject",
  "dutyAmount",
];

export type ColumnRole =
  | "level1" // 一级指标
  | "level2" // 二级指标
  | "level3" // 三级指标 (the indicator's name)
  | "value" // 指标值 (whole value, or its number when operator/unit stand in their own columns)
  | "operator" // 指标性质 / 符号 (≥ ≤ =)
  | "unit" // 度量单位 / 计量单位
  | "description" // 绩效指标描述 / 指标解释
  | "basis" // 指标值确定依据
  | "scoring" // 评(扣)分标准
  | "weight" // 权重 / 分值
  | "direction" // 指标方向性
  | "actual" // 实际完成值 (自评表)
  | "score" // 得分 (自评表)
  | "deviation" // 偏差原因分析及改进措施 (自评表)
  | "remark" // 备注
  | "kind"; // 指标类型 (定量/定性)

export const COLUMN_ROLES: readonly ColumnRole[] = [
  "level1",
  "level2",
  "level3",
  "value",
  "operator",
  "unit",
  "description",
  "basis",
  "scoring",
  "weight",
  "direction",
  "actual",
  "score",
  "deviation",
  "remark",
  "kind",
];

/** Which column group a header cell belongs to: 年度 (the year's targets) or 中期/长期. */
export type ColumnGroup = "year" | "mid";

export interface SynonymTable {
  fields: Record<HeaderField, (string | RegExp)[]>;
  columns: Record<ColumnRole, (string | RegExp)[]>;
}

/* ------------------------------------------------------------------------------------------------
 * The built-in table. Strings are exact labels (after labelKey); RegExps cover families of spellings.
 * Order inside a list does not matter; across fields, `fieldOf` tries the fields in HEADER_FIELDS order
 * and the first match wins, so the more specific fields come first where two could match.
 * ---------------------------------------------------------------------------------------------- */

export const DEFAULT_SYNONYMS: SynonymTable = {
  fields: {
    name: [
      "项目名称",
      "项目全称",
      "预算项目名称",
      "项目(名称)",
      "项目名",
      "二级项目名称",
      "专项名称",
      "专项资金名称",
      "资金名称",
      "项目名称及编码",
      "预算项目",
      // Any “…项目…名称” / “…资金名称” that names no unit, department or indicator: 资金项目名称, 补助项目名称,
      // 子项目名称, 转移支付项目名称, 政策(项目)名称, 项目名称及代码.
      /^(?!.*(单位|部门|指标|科室|支出项目|对应项目|涉及项目))[^:]{0,8}(项目|专项|资金)[^:]{0,3}名称(及(代码|编码|编号))?$/,
    ],
    code: ["项目编码", "项目编号", "项目代码", "预算项目编码", "项目库编码", "二级项目编码", "项目识别码"],
    competentDepartment: [
      "主管部门",
      "主管部门及代码",
      "主管部门及编码",
      "主管部门名称",
      "主管部门(单位)",
      "主管单位",
      "主管部门及编号",
      "预算部门",
      "预算部门名称",
      "部门名称",
      "部门(单位)名称",
      "单位(部门)名称",
      "一级预算单位",
      "主管预算单位",
      "业务主管部门",
      /^.{1,6}主管部门$/,
      "项目主管部门",
      /^(项目)?主管(部门|单位)(名称)?(及(代码|编码|编号))?$/, // 主管单位名称, 主管部门名称及编码, 项目主管单位
      /^归口管理(部门|单位)$/,
    ],
    budgetUnit: ["预算单位", "预算单位名称", "单位名称", "填报单位", "申报单位", "项目申报单位", "编制单位", "填报单位(盖章)", "下达地方或单位", "部门(单位)"],
    departmentCode: ["主管部门编码", "主管部门代码", "部门预算编码", "部门编码", "部门代码", "预算部门编码", "单位编码", "单位代码", "预算单位编码"],
    implementingUnit: [
      "实施单位",
      "实施单位名称",
      "项目实施单位",
      "项目单位",
      "项目承担单位",
      "承担单位",
      "执行单位",
      "项目执行单位",
      "用款单位",
      /^(项目)?(实施|填报|申报)单位(名称)?\(盖章\)$/, // 自评表: “实施单位（盖章）”
      "实施主体",
      "项目实施主体",
      // 具体实施单位, 资金使用单位, 项目单位名称, 承办单位, 实施主体单位, 实施单位名称及编码.
      /^(项目|具体|资金)?(实施|执行|承担|承办|使用|用款)(单位|主体)(名称)?(及(代码|编码|编号))?$/,
      "项目单位名称",
    ],
    attribute: ["项目属性", "项目类型", "项目类别", "项目性质", "项目分类", "是否新增", "项目属性及类型"],
    period: [
      "项目期",
      "项目期限",
      "项目起止时间",
      "项目起止日期",
      "项目实施期",
      "项目实施期限",
      "项目实施时间",
      "项目实施周期",
      "项目周期",
      "实施期限",
      "实施周期",
      "实施时间",
      "起止时间",
      "起止日期",
      "项目计划实施时间",
      "执行期限",
      "项目执行期",
      "项目执行期限",
      "建设周期",
      "建设期限",
      "建设期",
      "实施年限",
      /^(项目)?(起止|实施|执行)(年限|年度|期)$/, // 起止年限, 项目实施年度, 执行期
    ],
    leader: ["项目负责人", "负责人", "项目负责人及电话", "联系人", "填报人", "单位负责人"],
    phone: ["联系电话", "电话", "联系方式"],
    budgetBlock: [
      /^项目资金(申请|情况|来源|安排|构成)?(\(万元\)|\(元\))?$/,
      /^资金(情况|来源|构成|安排|投入)(\(万元\)|\(元\))?$/,
      /^项目(预算|资金)(规模|申请)?(\(万元\)|\(元\))?$/,
      /^预算规模(及资金用途)?$/,
      /^年度资金总额及构成$/,
      /^(年度)?预算(安排|情况|资金)(\(万元\)|\(元\))?$/,
      /^资金总额及构成$/,
    ],
    total: [
      /^(年度|当年|本年度?|项目)?(资金|预算)(总额|总计|合计)$/,
      /^(年度|项目|当年|本年度?)?(本级|省级|市级|县级|区级)?预算(数|金额|资金|总数)$/, // 湘潭: 年度本级预算金额
      /^资金总(额|数)$/,
      /^(预算|资金)?总额$/,
      /^(年度|项目|当年|本年度?)?(资金|预算)?金额$/,
      /^(本年度?|当年|年度)(申请)?(市|省|县|区)?(级)?(财政)?预算(资金|金额|数)?$/, // 东莞: 本年度申请市财政预算资金(万元)
      /^(本年度?|当年)?申请(金额|资金|预算)$/,
      /^(年度)?资金规模$/,
      /^项目总(投资|预算|金额)$/,
      /^资金总额\(万元\)$/,
      /^(年度|项目|本年度?)?(资金|预算)?申请(资金)?总额$/, // 年度资金申请总额, 申请资金总额
      /^(年度|本年度?)(总预算|资金)$/, // 年度总预算, 年度资金
      /^(年度|当年|本年度?)?财政资金(总额|总计|合计)$/, // 自评表: 年度财政资金总额 (the whole budget is fiscal money)
    ],
    fiscal: [
      /^(其中:?)?(当年|本年|本年度|年度)?财政(资金|拨款|拨款资金|性资金|补助|补助资金|预算资金|预算拨款)$/,
      /^(其中:?)?政府性基金(预算)?(拨款|资金)?$/,
      /^(其中:?)?(市|省|县|区|本级|上级|中央|省级|市级|县级|区级)(级)?财政(资金|拨款|补助)?$/,
      /^(其中:?)?一般公共预算(拨款|资金)?$/,
      /^(其中:?)?财政$/,
      /^(下达|安排)?(中央|省级?|市级?)?预算内投资(计划)?$/,
      /^(其中:?)?(上级|本级|中央|省级?|市级?|县级?|区级?)(财政)?(资金|补助资金|拨款|补助|专项资金)$/,
      // Money from a list of government levels: 其中:中央、省、市补助县级资金, 中央和省级补助资金.
      /^(其中:?)?((中央|省|市|州|县|区)级?[,和及与]){1,4}(中央|省|市|州|县|区)级?(财政)?(补助|下达|转移支付)?((本?(县|市|区)级)?(资金|拨款|补助))$/,
    ],
    other: [
      /^(其中:?)?(当年|本年|本年度)?其[他它]资金$/,
      /^(其中:?)?(自有|自筹|单位自筹|其他来源|社会)资金$/,
      /^(其中:?)?其他$/,
      /^(其中:?)?(单位自筹|社会投入|银行贷款|其他来源)$/,
    ],
    carriedOver: [/^(其中:?)?上年(度)?结转(结余)?(资金)?$/, /^(其中:?)?结转(结余)?资金$/],
    goalBlock: ["总体目标", "项目绩效目标", "绩效目标情况", "项目总体绩效目标", "项目绩效目标描述", "总体绩效目标"],
    yearGoal: [
      /^(本?年度|当年|本年)(预期|实施|绩效|总体|项目)?(绩效)?总?目标(描述|内容)?$/, // 年度绩效总目标, 年度预期目标
      /^(项目)?年度(总体)?绩效目标$/,
      /^(年度)?绩效目标$/,
      /^年度总目标$/,
      /^预期目标$/,
      /^项目年度目标$/,
      /^年初(设定|确定)?(的)?(绩效)?目标$/, // 自评表: 年初设定目标 | 年度总体目标完成情况综述
      /^年度(主要)?(绩效)?目标(和|及)(成果|任务|产出)$/,
      /^(年度)?整体(支出)?绩效目标$/, // 部门整体支出绩效目标表
      /^部门年度(总体)?(绩效)?目标$/,
    ],
    midGoal: [/^(中期|长期|中长期|实施期|总)(滚动)?(绩效)?目标$/, /^项目(中期|长期|中长期|总体)(绩效)?目标$/, /^(中期|长期)目标\(.*\)$/],
    purpose: ["资金用途", "资金使用方向", "项目概况", "项目内容", "项目主要内容", "主要内容", "实施内容", "项目实施内容", "资金用途及内容", "项目简介", "项目总体概况", "项目基本情况"],
    spendPlan: [/^资金支出计划/, /^支出进度计划/, /^资金(使用|支出)进度/],
    basis: ["立项依据", "项目立项依据", "政策依据", "设立依据", "项目设立依据"],
    indicatorBlock: [
      "绩效指标",
      "绩效项目指标表",
      "项目绩效指标",
      "年度绩效指标",
      "本年度绩效指标",
      "绩效指标情况",
      "长期绩效指标",
      "中期绩效指标",
      "年度绩效指标表",
      "绩效指标表",
      "名称",
      "指标",
    ],
    moneyUnit: [/^(金额|资金)?单位:/],
    initialBudget: [/^年初(批复)?(预算|预算数|预算金额|预算资金|安排|安排数|批复数)$/, /^年初数$/],
    annualBudget: [/^(全年|调整后|调整|年度调整后?)(预算|预算数|预算金额|预算资金|批复数)$/, /^全年(预算)?批复数$/],
    executed: [/^(全年|预算|年度|实际)?(执行|支出)(数|金额|资金)$/, /^(全年)?实际执行(数|金额)$/, /^截至\d{1,2}月(\d{1,2}日)?(末)?(执行|支出)数$/, /^(全年)?实际(支出|支付|使用)(数|金额|资金)?$/, /^全年执行$/],
    executionRate: [/^(预算|资金|全年)?(执行|支出)(率|进度)$/],
    goalActual: [
      /^(年度|全年|本年度?)?(总体)?(目标)?实际完成(情况|内容)?$/,
      /^(年度|全年|项目年度|本年度?)?(总体)?(绩效)?目标(的)?完成情况(综述|说明)?$/,
      /^实际(完成|实现)情况$/,
      /^(目标)?实现情况$/,
    ],
    scoreTotal: ["总分", "合计", "总计", "自评总分", "综合得分", "合计得分", "总得分"],
    grade: ["自评等级", "评价等级", "绩效等级", "自评结果", "评价结果", "等级"],
    conclusion: ["评价结论", "自评结论", "总体评价", "自评结论及说明", "综合评价结论"],
    issues: [/^(主要)?存在(的)?问题(及原因|和原因)?(分析)?$/, "问题及原因"],
    measures: [/^(下一步)?改进(措施|意见|建议)(及建议)?$/, "整改措施", "意见建议"],
    basicSpend: [/^(其中:?)?基本支出(资金|预算)?$/],
    projectSpend: [/^(其中:?)?项目支出(资金|预算)?$/],
    dutyBlock: [/^(部门)?年度(履职|主要|重点)(工作)?(目标|任务)$/],
    dutyFunction: ["部门职能", "职能", "部门职责", "主要职能", "职能职责", "单位职能", "部门职能概述"],
    dutyTask: ["年度目标任务", "目标任务", "任务名称", "年度任务", "主要任务", "重点任务", "工作任务", "年度工作任务", "重点工作任务"],
    dutyContent: ["主要内容", "任务内容", "工作内容", "具体内容", "主要工作内容", "任务主要内容"],
    dutyProject: ["支出项目名称", "对应项目", "对应项目名称", "支出项目", "项目名称", "涉及项目"],
    dutyAmount: [/^(预算|项目)?(金额|资金|数)$/, /^预算(金额|数|资金)$/, /^(预算|资金)安排$/],
  },
  columns: {
    level1: [/^一级(指标)?(名称)?$/, "一级指标(维度)", "指标类别"],
    level2: [/^二级(指标)?(名称)?$/, "指标类型名称"],
    level3: [
      /^三级(指标)?(名称)?$/,
      /^(绩效)?指标名称$/,
      "具体指标",
      "具体指标名称",
      "明细指标",
      "考核指标",
      "评价指标",
      "三级指标内容",
      "指标项",
      "指标明细",
      "考核内容",
    ],
    value: [
      /^(年度|本年度?|当年|全年|中期|长期)?(绩效)?(指标)?(目标)?值$/,
      /^(年度|本年度?|当年|全年|中期|长期)?(预期|计划|期望)(目标|指标)?值$/,
      /^(年度|本年度?|当年|全年)?指标目标(值)?$/,
      /^(年度|本年度?|当年|全年)?(绩效)?目标值$/,
      /^(年度|本年度?|当年)?(指标|绩效)?标准值?$/,
      /^(年度|本年度?|当年)?计划(水平|完成值|数)$/,
      /^本年度计划水平$/,
      /^指标值\(.*\)$/,
      /^目标值\(.*\)$/,
      /^预期目标值$/,
      /^预期绩效目标$/,
      /^年初目标值$/,
      /^(指标|目标)?数值$/, // 目标值 over 符号 | 数值 | 单位
      /^(预期|计划|目标)(实现|达到|达成)值$/, // 鄂州: 当年预期实现值
      /^(指标值|目标值)(及|含)(计量)?单位$/,
      // One target column per county / unit under a spanning caption: 区域目标值 | 新罗区 | 上杭县 … (read/regions.ts).
      /^(区域|分区域|分县|各县|分地区|各地区?|分市|各市|分单位|各单位)(\(市,?区\))?(绩效)?(目标|指标)值$/,
    ],
    operator: [/^(指标)?(值)?(性质|符号)$/, /^(计算|运算|比较|关系)(符号?|符)$/, "指标值符号", "符号", "比较方式"],
    unit: [/^(度量|计量|指标|指标值|计算)?单位(\(.*\))?$/, "单位(文字描述)"],
    description: [/^(绩效)?指标(描述|解释|内容|说明|定义|内涵|释义)$/, /^(指标)?(计算公式|计算方法)$/, "指标内容/计算公式"],
    basis: [/^(指标值|指标|目标值|取值)?(确定|设定|设置|取值)?依据(及说明)?$/, /^指标(值)?来源$/, /确定依据$/],
    scoring: [/^评\(?扣?\)?分(标准|规则|办法|方法)$/, /^扣分标准$/, /^计分(方法|规则|标准)$/, /^评价标准$/],
    weight: [/^(指标)?权重(\(%\)|%)?$/, /^(指标)?分值$/, /^分值权重$/, /^满分$/],
    direction: [/^指标(值)?方向(性)?$/, "方向", "方向性"],
    actual: [/^(全年|年度|本年度?)?实际(完成)?(值|情况|数|指标值)$/, /^(全年|年度)?完成(值|情况)$/, /^实际完成指标值$/],
    score: [/^(自评)?得分$/, "评分", /^(实际|最终|评价)得分$/],
    deviation: [/^偏差原因/, /^未完成原因/, /^(偏差|差异)(分析|原因|情况)/, /^原因(分析)?及改进措施$/, /^(未完成|偏差)?原因(说明)?$/],
    remark: ["备注", "说明"],
    kind: [/^指标(类型|属性)$/, "定量/定性", "定性/定量"],
  },
};

/* ------------------------------------------------------------------------------------------------
 * Matching
 * ---------------------------------------------------------------------------------------------- */

/** labelKey of a label cell with a trailing colon dropped (“项目名称：” → “项目名称”). */
function fieldKey(text: string): string {
  return (
    labelKey(text)
      .replace(/[:]+$/, "")
      // A required-field star and a list number typed before the label: “*联系人”, “2.市级资金”,
      // “其中:1.中央资金”, “(一)项目名称”, “①财政拨款”.
      .replace(/^\*+/, "")
      .replace(/^(其中:?)?(?:\d{1,2}[.)]|\(\d{1,2}\)|\(?[一二三四五六七八九十]{1,2}[),.]|[①-⑳])(?=\D)/, "$1")
  );
}

/**
 * Does a label cell name this field? Unlike `fieldOf`, no priority between fields: a form-specific
 * reader asks about the one field it expects where it expects it (“预算金额” heads the 年度履职目标
 * table's amount column, although `fieldOf` calls it a budget total).
 */
export function isField(text: string | null | undefined, field: HeaderField, table: SynonymTable = DEFAULT_SYNONYMS): boolean {
  if (!text) return false;
  const key = fieldKey(text);
  if (!key || key.length > 30) return false;
  let cache = IS_FIELD_CACHE.get(table);
  if (!cache) {
    cache = new Map();
    IS_FIELD_CACHE.set(table, cache);
  }
  const ck = `${field}\u0000${key}`;
  const hit = cache.get(ck);
  if (hit !== undefined) return hit;
  // Also without a unit or a formula tag: 全年预算数(A), 执行率(B/A), 预算金额(万元).
  const noUnit = key.replace(/\((万元|元|万|%|单位:?万?元|[a-z][a-z/×*+-]{0,4})\)$/, "").replace(/[:]+$/, "");
  const found = matchesKey(key, table.fields[field]) || (noUnit !== key && matchesKey(noUnit, table.fields[field]));
  if (cache.size > 20000) cache.clear();
  cache.set(ck, found);
  return found;
}
const IS_FIELD_CACHE = new WeakMap<SynonymTable, Map<string, boolean>>();

const FIELD_CACHE = new WeakMap<SynonymTable, Map<string, HeaderField | null>>();

/**
 * Which header field a label cell names, or null. Tried as written, then without a trailing unit
 * annotation (“项目资金（万元）”, “资金总额(元)”) and a leading “其中：”.
 */
export function fieldOf(text: string | null | undefined, table: SynonymTable = DEFAULT_SYNONYMS): HeaderField | null {
  if (!text) return null;
  const key = fieldKey(text);
  if (!key || key.length > 30) return null;
  let cache = FIELD_CACHE.get(table);
  if (!cache) {
    cache = new Map();
    FIELD_CACHE.set(table, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const tries = [key];
  const noUnit = key.replace(/\((万元|元|万|%|单位:?万?元|盖章|签章|公章|签字)\)$/, "").replace(/[:]+$/, "");
  if (noUnit !== key) tries.push(noUnit);
  // Any other trailing note: “中期滚动目标(2019年--2021年)”, “项目名称(全称)”.
  const noNote = key.replace(/\([^()]*\)$/, "").replace(/[:]+$/, "");
  if (noNote !== key && noNote !== noUnit && noNote.length >= 2) tries.push(noNote);
  // A note inside the label: “项目(专项)名称”, “主管部门(单位)代码”.
  const noInner = key.replace(/\([^()]{1,8}\)(?=.)/g, "");
  if (noInner !== key && !tries.includes(noInner) && noInner.length >= 2) tries.push(noInner);
  let found: HeaderField | null = null;
  for (const k of tries) {
    for (const f of HEADER_FIELDS) {
      if (matchesKey(k, table.fields[f])) {
        found = f;
        break;
      }
    }
    if (found) break;
  }
  // A stray character typed after a name or code label (“专项名称金”, “项目名称1”) still names it;
  // only the plain spellings of those two, so “项目绩效目标表” does not turn into a goal label.
  if (!found && key.length >= 5 && !/表$/.test(key)) {
    const cut = key.slice(0, -1);
    for (const f of ["name", "code"] as const) {
      if (table.fields[f].some((p) => typeof p === "string" && labelKey(p) === cut)) found = f;
    }
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, found);
  return found;
}

export interface ColumnClass {
  role: ColumnRole;
  group: ColumnGroup | null;
}

const COLUMN_CACHE = new WeakMap<SynonymTable, Map<string, ColumnClass | null>>();

const MID_MARK = /(中长期|中期|长期|实施期|总体)/;
const YEAR_MARK = /(本年度|年度|当年|本年|全年)/;

/**
 * Role and group of an indicator header cell (“二级指标(长期)” → level2/mid, “年度指标值” → value/year,
 * “指标性质” → operator/null), or null when the cell is no column header we know.
 */
export function classifyColumn(text: string | null | undefined, table: SynonymTable = DEFAULT_SYNONYMS): ColumnClass | null {
  if (!text) return null;
  const key = fieldKey(text);
  if (!key || key.length > 24) return null;
  let cache = COLUMN_CACHE.get(table);
  if (!cache) {
    cache = new Map();
    COLUMN_CACHE.set(table, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit;

  // The group: an annotation “(长期)”/“（年度）” or a prefix “中期指标值”/“年度指标值”.
  let group: ColumnGroup | null = null;
  let bare = key;
  const ann = /\(([^()]*)\)$/.exec(key);
  if (ann && (MID_MARK.test(ann[1]) || YEAR_MARK.test(ann[1]))) {
    group = MID_MARK.test(ann[1]) ? "mid" : "year";
    bare = key.slice(0, ann.index);
  } else if (/^(中长期|中期|长期|实施期)/.test(key)) {
    group = "mid";
    bare = key.replace(/^(中长期|中期|长期|实施期)/, "");
  } else if (/^(本年度|年度|当年|本年|全年)/.test(key)) {
    group = "year";
    bare = key.replace(/^(本年度|年度|当年|本年|全年)/, "");
  }
  // Other annotations (“指标值（%）”, “权重（%）”, “评（扣）分标准”) are tried both ways.
  const tries = [key, bare, bare.replace(/\([^()]*\)$/, "")].filter((k, i, a) => k && a.indexOf(k) === i);
  let found: ColumnClass | null = null;
  for (const k of tries) {
    for (const role of COLUMN_ROLES) {
      if (matchesKey(k, table.columns[role])) {
        found = { role, group: role === "level1" && group === null ? null : group };
        break;
      }
    }
    if (found) break;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, found);
  return found;
}

/* ------------------------------------------------------------------------------------------------
 * User extensions (--labels FILE)
 * ---------------------------------------------------------------------------------------------- */

/** Extra spellings from a user's file: plain label texts only (no patterns). */
export interface ExtraLabels {
  fields?: Partial<Record<HeaderField, string[]>>;
  columns?: Partial<Record<ColumnRole, string[]>>;
}

/** A table with the extra spellings appended (the base is not modified). */
export function extendSynonyms(base: SynonymTable, extra: ExtraLabels | null | undefined): SynonymTable {
  if (!extra) return base;
  const fields = { ...base.fields };
  const columns = { ...base.columns };
  for (const [k, v] of Object.entries(extra.fields ?? {})) {
    if (v && v.length) fields[k as HeaderField] = [...fields[k as HeaderField], ...v];
  }
  for (const [k, v] of Object.entries(extra.columns ?? {})) {
    if (v && v.length) columns[k as ColumnRole] = [...columns[k as ColumnRole], ...v];
  }
  return { fields, columns };
}

/** A `--labels` file that cannot be used; `message` is zh-CN and names the file and the JSON path. */
export class LabelsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LabelsFileError";
  }
}

/**
 * Parse and check a labels file (see the module comment for the format). Throws LabelsFileError with
 * a Chinese message naming the file and what is wrong (unknown key, not a list of texts, bad JSON).
 */
export function parseLabelsJson(text: string, file = "标签文件"): ExtraLabels {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    throw new LabelsFileError(`标签文件“${file}”不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new LabelsFileError(`标签文件“${file}”应为一个 JSON 对象，形如 {"fields": {"name": ["工程名称"]}, "columns": {"value": ["预期指标值"]}}`);
  }
  const out: ExtraLabels = {};
  const obj = data as Record<string, unknown>;
  for (const top of Object.keys(obj)) {
    if (top === "$schema" || top === "$comment" || top === "description") continue;
    if (top !== "fields" && top !== "columns") {
      throw new LabelsFileError(`标签文件“${file}”中的“${top}”无法识别：顶层只能有 "fields"（表头栏目）和 "columns"（指标列）`);
    }
    const section = obj[top];
    if (!section || typeof section !== "object" || Array.isArray(section)) {
      throw new LabelsFileError(`标签文件“${file}”中的“${top}”应为对象（键为栏目名，值为别名列表）`);
    }
    const allowed: readonly string[] = top === "fields" ? HEADER_FIELDS : COLUMN_ROLES;
    const target: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(section as Record<string, unknown>)) {
      if (!allowed.includes(k)) {
        throw new LabelsFileError(`标签文件“${file}”中的“${top}.${k}”不是已知栏目；可用的有：${allowed.join("、")}`);
      }
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string" || !x.trim())) {
        throw new LabelsFileError(`标签文件“${file}”中的“${top}.${k}”应为非空文字的列表，例如 ["工程名称"]`);
      }
      target[k] = (v as string[]).map((x) => x.trim());
    }
    if (top === "fields") out.fields = target as ExtraLabels["fields"];
    else out.columns = target as ExtraLabels["columns"];
  }
  return out;
}
