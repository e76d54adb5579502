// Placeholder until the knowledge base lands: the rule context needs a type to name.
export interface KnowledgeBase {}
export function loadKnowledge(): KnowledgeBase {
  return {};
}
