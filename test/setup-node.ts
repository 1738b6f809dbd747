// Node callers of the xlsx writer load the UTF-8 zip fix, as the CLI does (src/xlsx/node-zip.ts).
import "../src/xlsx/node-zip";

// The CLI picks its language from JXMB_LANG / LC_ALL / LC_MESSAGES / LANG (src/cli/locale.ts). Tests of
// Chinese output must not depend on the machine's locale: zh-CN unless a test asks otherwise.
process.env.JXMB_LANG = "zh-CN";
