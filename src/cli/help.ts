/** Help texts: each in zh-CN and in en-US, side by side; the run's language (locale.ts) picks one. */
import type { CommandName } from "./args";
import { tr } from "./locale";

/** One help text in both languages. */
interface Help {
  zh: string;
  en: string;
}
import { DEFAULT_LIMITS } from "../xlsx/limits";
import { flagDefault, LIMIT_FLAG_LIST } from "./limit-flags";

const DEFAULT_FILE_MB = Math.round(DEFAULT_LIMITS.maxFileBytes / (1024 * 1024));
const DEFAULT_CELLS = DEFAULT_LIMITS.maxCells;
const DEFAULT_SHEETS = DEFAULT_LIMITS.maxSheets;

const PAD = " ".repeat(41);

/** The read-limit flags beyond --max-file-mb and --max-cells, with their defaults, wrapped under the option column. */
function otherLimits(lang: "zh" | "en"): string {
  const items = LIMIT_FLAG_LIST.filter((f) => f.option !== "max-file-mb" && f.option !== "max-cells").map((f) =>
    lang === "zh" ? `--${f.option} N（${f.zh}，默认 ${flagDefault(f)}）` : `--${f.option} N (${f.en}, default ${flagDefault(f)})`,
  );
  const head = lang === "zh" ? "  其他读取上限（文件可信时可提高）：" : "  Other read limits (raise them for a trusted file):";
  const lines: string[] = [];
  let line = "";
  for (const it of items) {
    const next = line ? `${line}${lang === "zh" ? "、" : "; "}${it}` : it;
    if ([...next].length > 70 && line) {
      lines.push(line);
      line = it;
    } else line = next;
  }
  if (line) lines.push(line);
  return `${head}\n${lines.map((l) => PAD + l).join("\n")}`;
}
const OTHER_ZH = otherLimits("zh");
const OTHER_EN = otherLimits("en");

export const DEFAULT_TEMPLATE_FILE = "绩效目标表模板.xlsx";

const GENERAL: Help = {
  zh: `jxmb — 绩效目标表助手（命令行）

用法：
  jxmb validate 文件或文件夹... [--profile hebei|ningxia|central-2021] [--labels 标签.json] [--format text|json] [--output 报告文件] [--report 汇总报告.xlsx] [--merge 部门.json] [--jobs N] [--force]
  jxmb export 工作簿.xlsx [--profile …] [--labels 标签.json] [--output 结果.json] [--force]
  jxmb template [--output ${DEFAULT_TEMPLATE_FILE}] [--projects N] [--profile …] [--force]
  jxmb import 数据.json [--output 工作簿.xlsx] [--force]
  jxmb diff 原版本 新版本 [--format text|json] [--output 结果文件] [--force]
  jxmb seal 工作簿.xlsx [--output 盖章后.xlsx] [--name 校验人] [--force]
  jxmb verify 工作簿.xlsx [--format text|json]
  jxmb help <命令>      查看某个命令的说明
  jxmb --version        显示版本

命令：
  validate   检查一个或多个绩效目标表（.xlsx/.xlsm；文件夹会展开为其中的工作簿），报告问题及其单元格；
             多个文件时再做跨文件检查（收件箱：编码重复、汇总合计、重复报送、照搬其他单位），可写汇总报告和合并 JSON
  export     把工作簿导出为规范 JSON（默认输出到标准输出）
  template   生成空白绩效目标表模板
  import     把规范 JSON 写回为模板格式的工作簿
  diff       比较两个版本（工作簿或规范 JSON）：项目增删改名、预算数、支出计划、绩效目标和指标的变化
  seal       校验并盖章：把校验印记（内容摘要，不是数字签名）写入工作簿的副本
  verify     查看印记：已校验且未修改 / 校验后已修改（并列出改了什么）/ 未校验

输出文件：任何命令都不会覆盖已存在的文件，除非加 --force；输入文件任何时候都不会被覆盖。
输出到设备或管道（如 /dev/null、/dev/stdout、命名管道）时直接写入，不替换它们。
写入失败（如磁盘已满）时退出码为 2，原有文件保持不变。

表格按指标表头（一级/二级/三级指标、指标值等各地写法）识别；本地栏目名称不同时，可用 --labels 标签.json
补充别名，格式：{"fields": {"name": ["工程名称"]}, "columns": {"value": ["预期指标值"]}}
（fields：name code competentDepartment budgetUnit implementingUnit attribute period total fiscal other
carriedOver yearGoal midGoal purpose …；columns：level1 level2 level3 value operator unit description basis
scoring weight direction actual score deviation …）。

任务窗格中“已核实，保留”的问题（工作簿里的隐藏工作表 _jxmb_exceptions）由 validate 单独列为“已核实 N 项”，
不计入条数和退出码（--format json 中为 accepted）；单元格内容改过后该记录失效。

退出码：0 没有错误（diff：没有差异；verify：已校验且未修改）；1 发现错误（validate）、有差异（diff）或校验后已修改、未校验（verify）；2 无法读取输入、工作簿中没有可识别的绩效目标表、无法写入输出或用法错误。
文本输出中，单元格文字和文件名里的控制字符显示为 \\xHH（如 ESC 显示为 \\x1b），双向控制符显示为 \\uHHHH。
设置环境变量 JXMB_DEBUG=1 可在出错时显示调试信息。

语言：默认中文。加 --lang en（或设置环境变量 JXMB_LANG=en，或 LC_ALL、LC_MESSAGES、LANG 为 en_US.UTF-8 等以 en 开头的值）
时，所有提示、错误、帮助和文本报告都用英文；--lang zh 指定中文（优先于环境变量）。JSON 输出与语言无关。
`,
  en: `jxmb — performance-target table assistant (command line)

Usage:
  jxmb validate FILE_OR_FOLDER... [--profile hebei|ningxia|central-2021] [--labels LABELS.json] [--format text|json] [--output REPORT] [--report INBOX.xlsx] [--merge DEPARTMENT.json] [--jobs N] [--force]
  jxmb export WORKBOOK.xlsx [--profile …] [--labels LABELS.json] [--output OUT.json] [--force]
  jxmb template [--output FILE.xlsx] [--projects N] [--profile …] [--force]
  jxmb import DATA.json [--output WORKBOOK.xlsx] [--force]
  jxmb diff EARLIER LATER [--format text|json] [--output FILE] [--force]
  jxmb seal WORKBOOK.xlsx [--output SEALED.xlsx] [--name NAME] [--force]
  jxmb verify WORKBOOK.xlsx [--format text|json]
  jxmb help <command>   help for one command
  jxmb --version        print the version

Commands:
  validate   check one or more workbooks (.xlsx/.xlsm; folders expand to the workbooks inside) and report problems by cell;
             with several files also across them (the inbox: duplicate codes, declared totals, projects sent twice,
             copied goals), with a consolidated report and a merged JSON on request
  export     export a workbook as canonical JSON (stdout by default)
  template   create a blank template workbook
  import     write canonical JSON back as a workbook in the template layout
  diff       compare two versions (workbooks or canonical JSON): projects added, removed, renamed; budget, plan, goals, indicators
  seal       check and seal: write the validation seal (a content digest, not a signature) into a copy of the workbook
  verify     read the seal: validated and unchanged / changed since (and what) / not validated

Output files: no command overwrites an existing file unless --force is given; an input is never overwritten.
Devices and pipes (/dev/null, /dev/stdout, a FIFO) are written in place, never replaced.
A failed write (e.g. a full disk) exits with 2 and leaves any existing file as it was.

Tables are found by their indicator header (level 1/2/3 indicator and target value columns, in each province's wording); teach other
spellings with --labels LABELS.json: {"fields": {"name": ["工程名称"]}, "columns": {"value": ["预期指标值"]}}.

Findings a clerk accepted in the task pane (verified and kept, the hidden sheet _jxmb_exceptions) are listed apart by
validate and not counted (accepted in --format json); an acceptance lapses once its cell changes.

Exit codes: 0 no errors (diff: no differences; verify: sealed and unchanged); 1 errors found (validate), differences (diff), changed or not sealed (verify); 2 unreadable input, no recognisable table, failed output or bad usage.
In text output, control characters in cell text and file names are shown as \\xHH (ESC as \\x1b), bidirectional
controls as \\uHHHH.
Set JXMB_DEBUG=1 to print debugging details on failure.

Language: Chinese by default. With --lang en (or JXMB_LANG=en, or LC_ALL, LC_MESSAGES or LANG set to a value starting
with en, such as en_US.UTF-8) every message, error, help text and text report is in English; --lang zh chooses Chinese
(over the environment). JSON output is the same in either language.
`,
};

const COMMAND_HELP: Record<Exclude<CommandName, "help" | "diff" | "seal" | "verify">, Help> = {
  validate: {
  zh: `用法：jxmb validate 文件或文件夹... [选项]

检查绩效目标表，按文件、按项目列出问题及其 “工作表!单元格” 位置。
文件夹会展开为其中的 .xlsx/.xlsm 文件（按名称排序，不含子文件夹）。

选项：
  --profile hebei|ningxia|central-2021   规则配置（默认按表格样式自动判断）
  --format text|json                     报告格式（默认 text）
  -o, --output 文件                       把报告写入文件（默认输出到标准输出）
  --report 文件                           汇总报告（收件箱）：.xlsx 为工作簿（每个问题一行：文件、项目、可点击的单元格链接、
                                         严重程度、类别、问题、建议；另附各文件一览），.json 为 JSON，其他为文本
  --merge 文件.json                       把所有可读文件合并为部门的一份规范 JSON（项目按文件顺序重新编号，
                                         每个项目的 source.file / source.seq 记录来自哪个文件、原来的序号）
  --force                                覆盖已存在的报告或输出文件（默认拒绝覆盖）
  -j, --jobs N                           同时检查的文件数（工作线程数，默认为 CPU 核数；1 = 逐个检查）
  --max-worker-mb N                      每个工作线程（即每个正在检查的文件）的内存上限，单位 MB（默认按本机可用内存
                                         与 --jobs 计算，最多 2048；内存不足时少开线程）；超出上限的文件记为“太大”，
                                         其余文件照常检查
  --max-file-mb N                        读取上限：单个文件大小，单位 MB（默认 ${DEFAULT_FILE_MB}）
  --max-cells N                          读取上限：单个工作簿的单元格数（默认 ${DEFAULT_CELLS}）
${OTHER_ZH}
  --labels 文件.json                      补充本地栏目名称的别名（格式见 jxmb --help）
  --lang zh|en                           输出语言：zh 中文（默认）、en 英文（见 jxmb --help）
  -h, --help                             显示本说明

检查多个文件时，进度显示在标准错误输出（终端中为进度条，否则每个文件一行），报告内容与 --jobs 1 完全相同。

多个文件（如部门收到的各单位工作簿）还作为一个收件箱做跨文件检查，列在“跨文件检查”一节，并给出汇总：
  inbox/code-duplicate     项目编码与其他文件中的项目重复（错误；内容也相同时说明是同一项目重复报送）
  inbox/unit-total         部门汇总表中某单位的申报合计 ≠ 收到的该单位各项目预算数之和（错误）
  inbox/department-total   部门申报合计数（或部门整体表的项目支出）≠ 收到的全部项目之和（错误／警告）
  inbox/same-project       名称、预算数、目标和指标完全相同的项目在两个文件中报送（警告）
  inbox/goal-copied        绩效目标与其他单位文件中的项目相同（警告）或几乎相同（提示）
  inbox/indicator-copied   整套绩效指标与其他单位文件中的项目相同（警告）或几乎相同（提示）
  inbox/year-mismatch      文件的预算年度与多数文件不同，可能误报了往年的工作簿（警告）
部门汇总文件（申报了其他文件中单位的合计，或本身没有项目表）不再按自身的项目核对合计，改由上面两条规则核对。
--format json 的结果多一个 inbox 键（跨文件问题，每条带 file 和 related：其他文件中的相关位置）。

退出码：0 没有错误（可能有警告或提示）；1 发现错误（含跨文件错误）；2 有文件无法读取或用法错误。
`,
  en: `Usage: jxmb validate FILE_OR_FOLDER... [options]

Checks performance-target tables and lists problems by file and project with their sheet!cell.
Folders expand to the .xlsx/.xlsm files inside them (sorted by name, not recursive).

Options:
  --profile hebei|ningxia|central-2021   rule profile (default: guessed from the table layout)
  --format text|json                     report format (default: text)
  -o, --output FILE                      write the report to FILE (default: stdout)
  --report FILE                          the consolidated (inbox) report: .xlsx a workbook (one row per finding: file,
                                         project, a link to the cell, severity, category, message, suggestion; and a
                                         sheet of the files), .json JSON, anything else text
  --merge FILE.json                      merge every readable file into one canonical JSON for the department (projects
                                         renumbered in file order; source.file / source.seq say where each came from)
  --force                                overwrite an existing report or output file (refused by default)
  -j, --jobs N                           files checked at once (worker threads; default: the number of CPUs; 1 = one after another)
  --max-worker-mb N                      memory cap per worker, i.e. per file being checked, in MB (default: derived from
                                         the available memory and --jobs, at most 2048; fewer workers when memory is short);
                                         a file over the cap is reported as too large and the others are still checked
  --max-file-mb N                        read limit: size of one file in MB (default ${DEFAULT_FILE_MB})
  --max-cells N                          read limit: cells in one workbook (default ${DEFAULT_CELLS})
${OTHER_EN}
  --labels FILE.json                     extra spellings of field and column labels (format: jxmb --help)
  --lang zh|en                           language of the output: zh Chinese (default), en English (see jxmb --help)
  -h, --help                             show this help

With several files, progress goes to stderr (a bar on a terminal, one line per file otherwise); the report is
identical to the one --jobs 1 gives.

Several files (a department's units' workbooks) are also checked as an inbox, across files ("Cross-file checks"), with a
summary: inbox/code-duplicate, inbox/unit-total, inbox/department-total, inbox/same-project, inbox/goal-copied,
inbox/indicator-copied, inbox/year-mismatch. A department summary file (declaring totals of units in other files, or with no project table)
is checked against all the files instead of its own projects. --format json adds an "inbox" key.

Exit codes: 0 no errors (warnings or info may exist); 1 errors found (across files too); 2 unreadable input or bad usage.
`,
  },
  export: {
  zh: `用法：jxmb export 工作簿.xlsx [选项]

把工作簿读入并导出为规范 JSON（确定性输出：同一工作簿得到逐字节相同的 JSON）。
项目支出绩效自评表的执行数、实际完成值、分值、得分与目标并列导出；部门整体支出绩效目标表导出到 overview。
读取时遇到的问题会写到标准错误输出。

选项：
  --profile hebei|ningxia|central-2021   记录在 JSON 中的规则配置（默认自动判断）
  -o, --output 文件.json                  写入文件（默认输出到标准输出）
  --force                                覆盖已存在的文件（默认拒绝覆盖）
  --max-file-mb N                        读取上限：文件大小，单位 MB（默认 ${DEFAULT_FILE_MB}）
  --max-cells N                          读取上限：单元格数（默认 ${DEFAULT_CELLS}）
${OTHER_ZH}
  --labels 文件.json                      补充本地栏目名称的别名（格式见 jxmb --help）
  --lang zh|en                           输出语言：zh 中文（默认）、en 英文（见 jxmb --help）
  -h, --help                             显示本说明

工作簿中没有可识别的绩效目标表时，不输出 JSON，说明看到了什么并以退出码 2 结束。
`,
  en: `Usage: jxmb export WORKBOOK.xlsx [options]

Reads a workbook and prints its canonical JSON (deterministic: the same workbook gives byte-identical JSON).
A self-evaluation form's spending, actuals, points and scores come beside the targets; a department-overall
table goes to "overview".
Problems met while reading go to stderr.

Options:
  --profile hebei|ningxia|central-2021   profile recorded in the JSON (default: guessed)
  -o, --output FILE.json                 write to FILE (default: stdout)
  --force                                overwrite an existing file (refused by default)
  --max-file-mb N                        read limit: file size in MB (default ${DEFAULT_FILE_MB})
  --max-cells N                          read limit: cell count (default ${DEFAULT_CELLS})
${OTHER_EN}
  --labels FILE.json                     extra spellings of field and column labels (format: jxmb --help)
  --lang zh|en                           language of the output: zh Chinese (default), en English (see jxmb --help)
  -h, --help                             show this help

A workbook with no recognisable table gives no JSON: what was seen is printed and the exit code is 2.
`,
  },
  template: {
  zh: `用法：jxmb template [选项]
      jxmb template --add N 模板.xlsx [-o 输出.xlsx] [--force]

生成空白的绩效目标表模板（可在 Excel、WPS、LibreOffice 中打开）。
--add N：在已有的模板工作簿后添加 N 个项目表（项目N+1…，已编号，计入汇总和合计）；
不改动原文件，默认写入 “模板（新增N个项目表）.xlsx”。

选项：
  -o, --output 文件.xlsx   输出文件（默认 “${DEFAULT_TEMPLATE_FILE}”）
  -n, --projects N        项目表的数量（默认 1，最多 200）
  --profile hebei|ningxia|central-2021
                          指标口径和表样（决定项目表的格式和一级/二级下拉列表；默认 hebei）
  --force                 覆盖已存在的文件（默认拒绝覆盖）
  --lang zh|en            输出语言：zh 中文（默认）、en 英文（见 jxmb --help）
  -h, --help              显示本说明
`,
  en: `Usage: jxmb template [options]
       jxmb template --add N TEMPLATE.xlsx [-o OUT.xlsx] [--force]

Creates a blank template workbook (opens in Excel, WPS and LibreOffice).
--add N: adds N project sheets after those of an existing template workbook (numbered on, in the summary
sheet and its total); the input is left as it is, the result goes to "TEMPLATE（新增N个项目表）.xlsx" by default.

Options:
  -o, --output FILE.xlsx   output file (default "${DEFAULT_TEMPLATE_FILE}")
  -n, --projects N         number of project tables (default 1, at most 200)
  --profile hebei|ningxia|central-2021
                           profile: the project form and the level-1/level-2 drop-down lists (default hebei)
  --force                  overwrite an existing file (refused by default)
  --lang zh|en             language of the output: zh Chinese (default), en English (see jxmb --help)
  -h, --help               show this help
`,
  },
  import: {
  zh: `用法：jxmb import 数据.json [选项]

把规范 JSON（jxmb export 的输出）写成模板格式的工作簿。
以 = + - @ 开头的文字按文本写入，不会变成公式。
写出的工作簿必须能按读取上限读回：项目过多（每个项目一个工作表，工作表上限 ${DEFAULT_SHEETS} 个）、单元格过多、
单元格超过 32,767 个字符或含有 U+FFFE、U+FFFF、不成对的代理码元时，不写文件，并指出项目和字段。

选项：
  -o, --output 文件.xlsx   输出文件（默认与 JSON 同名，扩展名为 .xlsx）
  --profile hebei|ningxia|central-2021
                          按该口径的表样写入（默认用 JSON 中的 profile）：ningxia 为宁夏表样，central-2021 为
                          财预〔2021〕101号表样（中期目标｜年度目标、中期指标值｜年度指标值，成本指标为一级）
  --force                 覆盖已存在的文件（默认拒绝覆盖）
  --max-file-mb N         读取上限：JSON 文件大小，单位 MB（默认 ${DEFAULT_FILE_MB}）
  --max-cells N           读取上限：写成的工作簿的单元格数（默认 ${DEFAULT_CELLS}；读取时需要同样的值）
  --max-sheets N 等        其他读取上限，与 validate/export 的 --max-… 选项相同（读取时需要同样的值）
  --lang zh|en            输出语言：zh 中文（默认）、en 英文（见 jxmb --help）
  -h, --help              显示本说明
`,
  en: `Usage: jxmb import DATA.json [options]

Writes canonical JSON (the output of jxmb export) as a workbook in the template layout.
Text starting with = + - @ is written as text, never as a formula.
The workbook must read back under the read limits: too many projects (one sheet each; at most ${DEFAULT_SHEETS} sheets),
too many cells, a cell over 32,767 characters or holding U+FFFE, U+FFFF or an unpaired surrogate → nothing is
written, and the project and field are named.

Options:
  -o, --output FILE.xlsx   output file (default: the JSON's name with .xlsx)
  --profile hebei|ningxia|central-2021
                           draw that profile's form (default: the profile in the JSON): ningxia the Ningxia form,
                           central-2021 the central 2021 form (medium-term | annual goals and target values,
                           cost indicators at level 1)
  --force                  overwrite an existing file (refused by default)
  --max-file-mb N          read limit: size of the JSON file in MB (default ${DEFAULT_FILE_MB})
  --max-cells N            read limit: cells of the workbook written (default ${DEFAULT_CELLS}; reading it needs the same)
  --max-sheets N etc.      the other read limits, as the --max-… options of validate/export (reading needs the same)
  --lang zh|en             language of the output: zh Chinese (default), en English (see jxmb --help)
  -h, --help               show this help
`,
  },
};

const DIFF_HELP: Help = {
  zh: `用法：jxmb diff 原版本 新版本 [选项]

比较同一份绩效目标表的两个版本（如报出的和退回修改后的，或去年的和今年的）。两个文件可以是任何能读取的
工作簿（.xlsx/.xlsm，各地样式），也可以是规范 JSON（jxmb export 的输出），两者可以混用。
项目按项目编码对应，没有编码时按项目名称；指标按 一级/二级/三级指标 对应，与行的位置无关（只调换行的顺序不算改动）。
列出：新增、删除、更名的项目；每个项目改动的预算数、支出计划、绩效目标，新增、删除、修改的指标；
最后附一段可直接用于回复邮件的中文摘要。

选项：
  --format text|json                     输出格式（默认 text；json 含 identical、counts、summary、changes）
  -o, --output 文件                       写入文件（默认输出到标准输出）；文件名以 .xlsx 结尾时写成工作簿报告：
                                         摘要在上，每处变化一行，“位置”一栏链接到所在版本的单元格
  --force                                覆盖已存在的文件（默认拒绝覆盖）
  --profile hebei|ningxia|central-2021   读取工作簿时使用的规则配置（默认自动判断）
  --labels 文件.json                      补充本地栏目名称的别名（格式见 jxmb --help）
  --max-file-mb N 等                      读取上限，与 validate 相同
  --lang zh|en                           输出语言：zh 中文（默认）、en 英文（见 jxmb --help）
  -h, --help                             显示本说明

退出码：0 没有差异；1 有差异；2 有文件无法读取或用法错误。
`,
  en: `Usage: jxmb diff EARLIER LATER [options]

Compares two versions of a performance-target table (the one sent and the one returned, or last year's and this
year's). Either file may be any workbook the readers know (.xlsx/.xlsm, any layout) or canonical JSON.
Projects are matched by project code, else by name; indicators by their level 1/2/3 names, not by row position (reordered rows
are no change). Lists projects added, removed and renamed; per project the changed budget figures, spend-plan
points and goals, and indicators added, removed and changed; then a one-paragraph Chinese summary for a reply email.

Options:
  --format text|json                     output format (default text; json has identical, counts, summary, changes)
  -o, --output FILE                      write to FILE (default: stdout); a name ending in .xlsx gives a workbook report:
                                         the summary on top, one row per change, linked to its cell in that version
  --force                                overwrite an existing file (refused by default)
  --profile hebei|ningxia|central-2021   profile for reading workbooks (default: guessed)
  --labels FILE.json                     extra spellings of field and column labels (format: jxmb --help)
  --max-file-mb N etc.                   read limits, as for validate
  --lang zh|en                           language of the output: zh Chinese (default), en English (see jxmb --help)
  -h, --help                             show this help

Exit codes: 0 no differences; 1 differences; 2 unreadable input or bad usage.
`,
};

const SEAL_HELP: Help = {
  zh: `用法：jxmb seal 工作簿.xlsx [选项]

校验工作簿并把校验印记写入它的副本（隐藏工作表 _jxmb_seal）；原文件不变。印记记录：规范 JSON 的 SHA-256、
规则集版本、模板版本、规则配置、项目数、指标数、错误数、警告数、校验时间（UTC）、校验人，以及压缩保存的规范 JSON
（以便日后用 jxmb verify 指出改了什么）。印记按表格内容计算，与文件字节无关：在 Excel、WPS、LibreOffice 中
只打开、保存不会使它失效，任何改动内容的编辑都会被发现。
另写一个看得见的状态单元格（模板在“部门”表 H4，其他表样在第一个工作表第 1 行已用区域右侧）：它的公式逐个核对
校验时读取的单元格，不装助手在 Excel、WPS、LibreOffice 中打开也显示“已校验且未修改”或“校验后已修改”。
印记不是数字签名：任何人都能重新计算并改写它，它不能证明是谁校验的，只能发现校验后的修改。

选项：
  -o, --output 文件.xlsx                  输出文件（默认与原文件同名加 “-已盖章”）
  --name 姓名                             记录在印记中的校验人
  --force                                覆盖已存在的输出文件（默认拒绝覆盖；输入文件永不被覆盖）
  --profile hebei|ningxia|central-2021   规则配置（默认自动判断）
  --labels 文件.json                      补充本地栏目名称的别名（格式见 jxmb --help）
  --max-file-mb N 等                      读取上限，与 validate 相同
  --lang zh|en                           输出语言：zh 中文（默认）、en 英文（见 jxmb --help）
  -h, --help                             显示本说明

退出码：0 已盖章（发现的错误、警告数记录在印记中）；2 无法读取或用法错误。
`,
  en: `Usage: jxmb seal WORKBOOK.xlsx [options]

Checks the workbook and writes the validation seal into a copy (hidden sheet _jxmb_seal); the input is unchanged.
The seal records the SHA-256 of the canonical JSON, the rule-set and template versions, the profile, the numbers of
projects, indicators, errors and warnings, the time (UTC), the name given, and the canonical JSON compressed (so
jxmb verify can say what changed). It is computed from the content, not the file bytes: opening and saving in Excel,
WPS or LibreOffice keeps it valid; any edit to the content is found.
A visible status cell ("部门"!H4 in the template; elsewhere row 1 of the first sheet, right of its used range) holds a
formula that compares every cell read at sealing time with its live value: without the add-in, Excel, WPS and
LibreOffice show "已校验且未修改" (sealed, unchanged) or "校验后已修改" (changed since) there.
The seal is NOT a signature: anyone can recompute and rewrite it; it proves nobody's identity, it only finds changes.

Options:
  -o, --output FILE.xlsx                 output file (default: the input's name plus "-已盖章")
  --name NAME                            who checked, recorded in the seal
  --force                                overwrite an existing output (refused by default; the input is never overwritten)
  --profile hebei|ningxia|central-2021   rule profile (default: guessed)
  --labels FILE.json                     extra spellings of field and column labels (format: jxmb --help)
  --max-file-mb N etc.                   read limits, as for validate
  --lang zh|en                           language of the output: zh Chinese (default), en English (see jxmb --help)
  -h, --help                             show this help

Exit codes: 0 sealed (errors and warnings found are recorded in the seal); 2 unreadable input or bad usage.
`,
};

const VERIFY_HELP: Help = {
  zh: `用法：jxmb verify 工作簿.xlsx [选项]

读取工作簿中的校验印记，说明三者之一：
  已校验且未修改   内容与盖章时完全一致
  校验后已修改     内容在盖章后被改动，并按项目列出改了什么（如 项目 3 的预算数、项目 7 新增 2 条指标）
  未校验           没有印记
印记不是数字签名（见 jxmb help seal）。

选项：
  --format text|json                     输出格式（默认 text）
  --profile hebei|ningxia|central-2021   规则配置（默认自动判断）
  --labels 文件.json                      补充本地栏目名称的别名
  --max-file-mb N 等                      读取上限，与 validate 相同
  --lang zh|en                           输出语言：zh 中文（默认）、en 英文（见 jxmb --help）
  -h, --help                             显示本说明

退出码：0 已校验且未修改；1 校验后已修改或未校验；2 无法读取或用法错误。
`,
  en: `Usage: jxmb verify WORKBOOK.xlsx [options]

Reads the workbook's validation seal and says one of: sealed and unchanged; changed since it was sealed (followed
by what changed, project by project); not sealed. The seal is not a signature.

Options:
  --format text|json                     output format (default text)
  --profile hebei|ningxia|central-2021   rule profile (default: guessed)
  --labels FILE.json                     extra spellings of field and column labels
  --max-file-mb N etc.                   read limits, as for validate
  --lang zh|en                           language of the output: zh Chinese (default), en English (see jxmb --help)
  -h, --help                             show this help

Exit codes: 0 sealed and unchanged; 1 changed since sealed, or not sealed; 2 unreadable input or bad usage.
`,
};

/** The help of `command` (null: the general help) in the run's language. */
export function helpText(command: CommandName | null): string {
  const h = command === null || command === "help" ? GENERAL : command === "diff" ? DIFF_HELP : command === "seal" ? SEAL_HELP : command === "verify" ? VERIFY_HELP : COMMAND_HELP[command];
  return tr(h.zh, h.en);
}
