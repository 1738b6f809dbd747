// Node callers of the xlsx writer load the UTF-8 zip fix, as the CLI does (src/xlsx/node-zip.ts).
import "../src/xlsx/node-zip";
