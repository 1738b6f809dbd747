/** Template writing: the layout description and the renderer (document → TemplateBook). */
export * from "./layout";
export { renderTemplate, renderEmptyTemplate, blankProject, frameworkOf, withAddedProjects } from "./render";
export type { TemplateBook, SheetExtras, StyleRange, ValidationSpec, ConditionalFormatSpec, RenderOptions } from "./render";
