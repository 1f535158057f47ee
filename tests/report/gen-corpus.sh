#!/bin/bash
# gen-corpus.sh N DIR: a synthetic corpus of N entries in DIR/entries/, one
# CSV per document (N/10 documents), to look at reports at scale and to
# time them (make bench-report).  Catalysts of every site type on a dozen
# supports, rates at 0.1 to 5 MPa, series of three to five temperatures
# with an Arrhenius behaviour (Ea 40 to 120 kJ/mol) and some reported Ea,
# TOFs and sizes.  Deterministic: the same N gives the same files.
set -eu
n=$1 dir=$2
mkdir -p "$dir/entries"
awk -v n="$n" -v dir="$dir" 'BEGIN {
  hdr = "id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note";
  split("SAC SCC BCC NP", site, " ");
  split("CeO2 MgO N-C BaCeO3 Sm2O3 HZSM-5 S-1 Al2O3 C12A7 gamma-Al2O3 La2O3 TiO2", sup, " ");
  split("Ru Co Fe Ni Mo", met, " ");
  split("0.1 1 3 5", pr, " ");
  split("K Cs Ba", prom, " ");
  ndoc = int(n / 10); if (ndoc < 1) ndoc = 1;
  seed = 12345;
  i = 0; line = 0;
  while (i < n) {
    d = (i / 10) % ndoc; doc = sprintf("synth%04d", d); file = dir "/entries/" doc ".csv";
    if (!(file in started)) { print hdr > file; started[file] = 1; row[file] = 1 }
    seed = (seed * 1103515245 + 12345) % 2147483648; r1 = seed / 2147483648;
    seed = (seed * 1103515245 + 12345) % 2147483648; r2 = seed / 2147483648;
    st = site[int(r1 * 4) + 1]; m = met[int(r2 * 5) + 1]; m2 = met[(int(r2 * 5) + 1) % 5 + 1];
    s = sup[int(r1 * 997) % 12 + 1];
    name = (st == "BCC" ? m m2 : m) "/" s;
    if (st == "SAC") name = m "1/" s; else if (st == "SCC") name = m " clusters/" s;
    if (int(r2 * 10) == 3) name = prom[int(r1 * 3) + 1] "-" name;
    p = pr[int(r2 * 97) % 4 + 1]; ea = 40 + int(r1 * 80);
    if (int(r2 * 1000) % 25 == 0) ea = -ea / 2;   # a series near equilibrium: rates fall load = sprintf("%.1f", 0.2 + r2 * 5);
    size = st == "SAC" ? "" : st == "NP" ? sprintf("%.1f", 2 + r1 * 8) : sprintf("%.1f", 0.5 + r2 * 1.4);
    npts = 3 + int(r1 * 3); if (i + npts > n) npts = n - i;
    i0 = i;
    a = log(0.5 + r2 * 20);
    for (k = 0; k < npts; k++) {
      t = 250 + 50 * k; T = t + 273.15;
      seed = (seed * 1103515245 + 12345) % 2147483648; noise = 0.1 * (seed / 2147483648 - 0.5);
      rate = exp(a - ea / 0.008314462618 * (1 / T - 1 / 673.15) + noise);
      tof = (st == "NP" || k > 0) ? "" : sprintf("%.7f", rate / 300);
      rep = k == 0 && int(r1 * 4) == 1 && ea > 0 ? ea + int(r2 * 10) - 5 : "";
      ref = 10 + (i0 % 90);
      row[file]++;
      printf "%s:%d,%s,%s,L%d,%s,%s,%s,%s,%s,,%s,%d,%s,36000,%s,,,%s,%s,%d,experiment,,synthetic,reviewed,\n", doc, row[file], doc, k ? "text" : "table", row[file], name, st, (st == "BCC" ? m ";" m2 : m), load, s, size, t, p, sprintf(rate < 1 ? "%.3f" : "%.3g", rate), tof, rep, ref >> file;
      i++;
    }
  }
}'
