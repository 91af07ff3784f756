# Prints src-core/export/cjk-radical-equivalents.ts's table: for every CJK radical, the ideographs the given fonts draw
# with the radical's own glyph, plus the Kangxi radicals' NFKC decomposition.
#   python3 scripts/radical-equivalents.py /usr/share/fonts/opentype/noto/*.ttc
import struct, unicodedata, sys
def faces(path):
  d=open(path,'rb').read()
  if d[:4]==b'ttcf':
    n=struct.unpack('>I',d[8:12])[0]
    offs=struct.unpack('>%dI'%n,d[12:12+4*n])
  else: offs=[0]
  for o in offs: yield d,o
def tables(d,o):
  n=struct.unpack('>H',d[o+4:o+6])[0]; t={}
  for i in range(n):
    tag,cs,off,ln=struct.unpack('>4sIII',d[o+12+16*i:o+28+16*i]); t[tag]=(off,ln)
  return t
def name(d,t):
  off,_=t[b'name']; fmt,cnt,so=struct.unpack('>HHH',d[off:off+6])
  best=None
  for i in range(cnt):
    pid,eid,lid,nid,ln,po=struct.unpack('>6H',d[off+6+12*i:off+18+12*i])
    if nid==4 and pid==3:
      s=d[off+so+po:off+so+po+ln].decode('utf-16-be','replace')
      if lid==0x409 or best is None: best=s
  return best
def cmap(d,t):
  off,_=t[b'cmap']; n=struct.unpack('>H',d[off+2:off+4])[0]; subs={}
  for i in range(n):
    pid,eid,so=struct.unpack('>HHI',d[off+4+8*i:off+12+8*i]); subs[(pid,eid)]=off+so
  m={}
  s=subs.get((3,10)) or subs.get((0,4)) or subs.get((0,6))
  if s is not None and struct.unpack('>H',d[s:s+2])[0]==12:
    ng=struct.unpack('>I',d[s+12:s+16])[0]
    for i in range(ng):
      a,b,g=struct.unpack('>III',d[s+16+12*i:s+28+12*i])
      for c in range(a,b+1): m[c]=g+c-a
    return m
  s=subs.get((3,1)) or subs.get((0,3))
  segx2=struct.unpack('>H',d[s+6:s+8])[0]; seg=segx2//2
  ends=struct.unpack('>%dH'%seg,d[s+14:s+14+segx2]); p=s+16+segx2
  starts=struct.unpack('>%dH'%seg,d[p:p+segx2]); p2=p+segx2
  deltas=struct.unpack('>%dh'%seg,d[p2:p2+segx2]); p3=p2+segx2
  ros=struct.unpack('>%dH'%seg,d[p3:p3+segx2])
  for k in range(seg):
    for c in range(starts[k],ends[k]+1):
      if c==0xffff: continue
      if ros[k]==0: g=(c+deltas[k])&0xffff
      else:
        a=p3+2*k+ros[k]+2*(c-starts[k]); g=struct.unpack('>H',d[a:a+2])[0]
        if g: g=(g+deltas[k])&0xffff
      if g: m[c]=g
  return m
def is_radical(c): return 0x2e80<=c<=0x2fdf
def isideo(c): return 0x3400<=c<=0x4dbf or 0x4e00<=c<=0x9fff or 0xf900<=c<=0xfaff or 0x20000<=c<=0x3ffff
out={}; used=[]
for path in sys.argv[1:]:
  for d,o in faces(path):
    t=tables(d,o); nm=name(d,t); m=cmap(d,t)
    g2i={}
    for c,g in m.items():
      if isideo(c): g2i.setdefault(g,[]).append(c)
    shared=0
    for c,g in m.items():
      if is_radical(c) and g in g2i:
        shared+=1
        out.setdefault(c,set()).update(g2i[g])
    used.append((nm,shared))
print(used, file=sys.stderr)
for r in range(0x2e80,0x2fe0):
  n=unicodedata.normalize('NFKC',chr(r))
  if n!=chr(r): out.setdefault(r,set()).add(ord(n))
for k, v in sorted(out.items()):
  print("  '\\u{%04X}': '%s'," % (k, ''.join(dict.fromkeys(chr(c) for c in sorted(v)))))
