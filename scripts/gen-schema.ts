// Regenerates assets/schema/jxmb-v<SCHEMA_VERSION>.schema.json from the zod schema (npm run schema); older versions stay as published.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemaText, SCHEMA_FILE } from "../src/model/json-schema";

const out = join(__dirname, "..", "assets", "schema", SCHEMA_FILE);
writeFileSync(out, jsonSchemaText());
console.log(`wrote ${out}`);
