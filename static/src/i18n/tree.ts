/** A message file as JSON: areas of nested keys down to ICU messages. */
export type Tree = { readonly [key: string]: string | Tree };

/** A key in a message file as Forge reads it: the flattened key first, then the nested path. */
export function lookup(tree: Tree, key: string): string | null {
  const flat = tree[key];
  if (typeof flat === 'string') return flat;
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : null;
}
