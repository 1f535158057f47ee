#!/usr/bin/env python3
# gen-pairs.py SEED GOLD.csv PRED.csv: a random gold file and prediction,
# full of the names, numbers and cells that the scoring rules treat in
# special ways, for comparing nh3cat score with the reference scorer.
import csv
import random
import sys

seed=int(sys.argv[1]); random.seed(seed)
NAMES=["Co-N-C","Co–N–C","Co—N—C catalyst","Ru/CeO₂","Ru/CeO2","ru/ceo2 catalysts","Co₁Ru₂/NC","Co1Ru2/NC","FeN4©G-K","FeN4@G-K",
 "$\\text{Ru}_{3}$/BaCeO$_3$","Ru3/BaCeO3","Cs-Ru/MgO","Cs–Ru/MgO","Ru NPs","Ru NP","Ru clusters","Ru cluster","ＲＵ/ＣｅＯ２","µ-Ru","μ-Ru",
 "Ni/LaN","Ni/LaN catalyst","catalystA","the catalyst","Co SAC","Co SACs","Ss","ssss","Fe SACs on N-C","Fe SAC/N-C","Ru\\rm{NCs}","Ru\\mathrm{NCs}",
 "Ba/Co₂ ACCs","Ba/Co2 ACCs","Ru⁺/C","Ru+/C","Ru⁻","Ru-","İridium","IRIDIUM","Ⅲ-Ru","III-Ru","ﬁne Ru","fine Ru","Ru\u00a0SAC","Ru SAC","x","","  ",
 "Co/BaCeO3","Co/BaCeO₃ catalysts","Ru–Co clusters@N-C","ΑΒ-Ru","αβ-ru","Ru·catalyst","Ru_catalyst","Rucatalysts","Ru catalysts s"]
Q=["rate_mmol_gcat_h","rate_mmol_gmetal_h","tof_s","ea_kJ_mol"]
VALS=["4.34","4.40","4.41","4.28","4.27","0.0011","1.1e-3","0.00112","80-130","80-130 ","38","38.0","+38","-0","0","1e-05","1E-5",".5","5.","2.53e-2","0.0253","1e16","10000000000000000","123456789012345678","None","none","nan","1.0000","100"]
COND={"temperature_C":["400","400.0","673","","None"," 400 ","350"],"pressure_MPa":["1","1.0","0.1","0.101325","","3"],"whsv_mL_g_h":["60000","60 000","","6e4","60500"],
 "loading_wt":["Ru:1.17;Co:0.41","Co:0.41;Ru:1.17","1.17;0.41","3.8","3.80","","5 wt%","1.2.3"],"site_type":["SAC","sac"," SAC ","NP","","ß"],"ref":["96","96.0","81;82","81; 82","","[12]"]}
def rows(n, gold):
    out=[]
    for i in range(n):
        r={}
        r["catalyst"]="|".join(random.sample(NAMES,random.choice([1,1,1,2,3]))) if gold else random.choice(NAMES)
        for q in Q: r[q]=random.choice(VALS) if random.random()<0.35 else ""
        for c,v in COND.items(): r[c]=random.choice(v)
        if gold:
            r["optional"]=random.choice(["","","","1","yes","true","Yes"," 1 "]); r["line"]=str(random.randint(1,300))
        else:
            r["derived"]=random.choice(["","","rate_mmol_gcat_h","tof_s;rate_mmol_gcat_h","rate_mmol_gcat_h, ea_kJ_mol","TOF_S"]); r["locator"]=random.choice(["L12","table1/r3",""])
        r["doc"]=random.choice(["a","a","b"])
        out.append(r)
    return out
def write(path, rs, gold):
    cols=["doc","catalyst"]+Q+list(COND)+(["optional","line"] if gold else ["derived","locator"])
    random.shuffle(cols)
    with open(path,"w",newline="",encoding="utf-8") as f:
        w=csv.DictWriter(f,fieldnames=cols); w.writeheader(); w.writerows(rs)
g=rows(random.randint(0,25),True); p=rows(random.randint(0,30),False)
# make some predictions copy gold names/values
for r in p:
    if g and random.random()<0.5:
        s=random.choice(g); r["catalyst"]=random.choice(s["catalyst"].split("|")); 
        for q in Q: r[q]=s[q]
write(sys.argv[2],g,True); write(sys.argv[3],p,False)
