// Regenerates assets/schema/jxmb-v<SCHEMA_VERSION>.schema.json and src/model/schema-shape.ts from the zod schema (npm run schema); older versions stay as published.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemaText, SCHEMA_FILE } from "../src/model/json-schema";
import { shapeModuleText } from "../src/model/shape-gen";

const out = join(__dirname, "..", "assets", "schema", SCHEMA_FILE);
writeFileSync(out, jsonSchemaText());
console.log(`wrote ${out}`);
const shapeOut = join(__dirname, "..", "src", "model", "schema-shape.ts");
writeFileSync(shapeOut, shapeModuleText());
console.log(`wrote ${shapeOut}`);
