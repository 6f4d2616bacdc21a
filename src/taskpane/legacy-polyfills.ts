/**
 * DOM methods the pane calls that Internet Explorer 11 lacks (core-js covers the
 * language built-ins of the legacy bundle, not the DOM): ParentNode.append,
 * ChildNode.remove, and classList.toggle's second argument. Only in the legacy bundle
 * (taskpane.legacy.js, webpack.config.js), before the pane's own code.
 */
function defineOn(proto: object, name: string, value: unknown): void {
  if (name in proto) return;
  Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false });
}

for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
  defineOn(proto, 'append', function append(this: ParentNode, ...nodes: (Node | string)[]): void {
    const frag = document.createDocumentFragment();
    for (const n of nodes) frag.appendChild(typeof n === 'string' ? document.createTextNode(n) : n);
    (this as unknown as Node).appendChild(frag);
  });
}

for (const proto of [Element.prototype, CharacterData.prototype]) {
  defineOn(proto, 'remove', function remove(this: Node): void {
    this.parentNode?.removeChild(this);
  });
}

// IE11's classList.toggle ignores `force`.
const probe = document.createElement('span');
probe.classList.toggle('x', false);
if (probe.classList.contains('x')) {
  const native = Object.getOwnPropertyDescriptor(DOMTokenList.prototype, 'toggle')?.value as (this: DOMTokenList, token: string) => boolean;
  DOMTokenList.prototype.toggle = function toggle(this: DOMTokenList, token: string, force?: boolean): boolean {
    if (force === undefined) return native.call(this, token);
    if (force) this.add(token);
    else this.remove(token);
    return force;
  };
}

export {};
