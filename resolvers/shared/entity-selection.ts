import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Fields of an entity object that are in hand without reading it: its key and its type name. */
const KEY_FIELDS: ReadonlySet<string> = new Set(['id', '__typename']);

function selectsOnly(selectionSet: SelectionSetNode | undefined, allowed: ReadonlySet<string>, info: GraphQLResolveInfo): boolean {
  if (selectionSet === undefined) return true;
  return selectionSet.selections.every((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return allowed.has(selection.name.value);
      case Kind.INLINE_FRAGMENT:
        return selectsOnly(selection.selectionSet, allowed, info);
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        // An unknown fragment cannot pass validation; counting it as "more" only costs a read.
        return Object.hasOwn(info.fragments, name) && selectsOnly(info.fragments[name].selectionSet, allowed, info);
      }
    }
  });
}

/**
 * Whether the field being resolved selects nothing but `id` / `__typename` of its object (through
 * inline fragments and named fragments too). Fields under `@include`/`@skip` count as selected: at worst
 * that costs a read, never a wrong answer.
 */
export function selectsOnlyEntityKey(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) => selectsOnly(node.selectionSet, KEY_FIELDS, info));
}
