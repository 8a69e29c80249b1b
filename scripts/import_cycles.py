"""Print every import circle among the modules of strikemap's packages.

Counts every import, at module level, inside functions and under TYPE_CHECKING
alike (a circle that only a lazy import hides is still a circle). Exits 1 when
there is one.

    python scripts/import_cycles.py            # geo, gazetteer, maps
    python scripts/import_cycles.py geo
"""
import ast, sys, pathlib
roots = sys.argv[1:] or ["geo", "gazetteer", "maps"]
mods = {}
for r in roots:
    for p in pathlib.Path(r).rglob("*.py"):
        name = ".".join(p.with_suffix("").parts)
        if name.endswith(".__init__"): name = name[:-9]
        mods[name] = p
graph = {m: set() for m in mods}
for m, p in mods.items():
    tree = ast.parse(p.read_text())
    pkg = m if p.name == "__init__.py" else m.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                n = a.name
                while n and n not in mods: n = n.rpartition(".")[0]
                if n and n != m: graph[m].add(n)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = pkg.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            for a in node.names:
                cand = f"{base}.{a.name}"
                n = cand if cand in mods else base
                while n and n not in mods: n = n.rpartition(".")[0]
                if n and n != m: graph[m].add(n)
# SCCs (Tarjan)
index, low, stack, on, sccs = {}, {}, [], set(), []
def strong(v, c=[0]):
    index[v] = low[v] = c[0]; c[0] += 1; stack.append(v); on.add(v)
    for w in graph[v]:
        if w not in index: strong(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in graph:
    if v not in index: strong(v)
# ignore package __init__ re-export edges? report as is
for c in sccs: print("CYCLE:", " ".join(c))
print(f"{len(sccs)} import circles among {len(mods)} modules")
sys.exit(1 if sccs else 0)
