/** Om tjänsten: privacy, rules in brief, and the accessibility statement (DOS-lagen). */
export function AboutPage() {
  return (
    <section aria-labelledby="page-title" className="prose">
      <h1 id="page-title">Om tjänsten</h1>
      <h2>Så behandlas uppgifterna</h2>
      <p>
        Insyn är en statisk webbsida. Filer du läser in tolkas i din egen webbläsare och skickas aldrig någonstans:
        ingen server, inga tredjepartstjänster, ingen statistik om användningen. Uppgifter som ser ut som personnummer
        visas aldrig och ersätts vid inläsningen av en pseudonym som bara gäller under sessionen. Inlästa rader sparas
        inte när sidan stängs; bara dina kolumnmappningar sparas i webbläsaren – och filerna, om du kryssar i ”Kom ihåg
        filerna i den här webbläsaren” under Data och import (tills du trycker på ”Glöm alla filer”).
      </p>
      <h2>Reglerna i korthet</h2>
      <ul>
        <li>
          Frist för en barnavårdsutredning: startdatum + 4 kalendermånader; finns inte dagen i slutmånaden gäller
          månadens sista dag (lag 1930:173 1 §). Avslut på fristdagen är i tid.
        </li>
        <li>En förlängning räknas bara om den beslutats senast på fristdagen.</li>
        <li>En startmånad med utredningar som ännu pågår inom fristen är preliminär: andelen sena kan stiga.</li>
        <li>
          Orosanmälan: förhandsbedömning senast dag 14 efter att anmälan kom in; anmälningar om barn som redan utreds
          räknas inte i andelen.
        </li>
        <li>
          Beslut om insats: verkställt senast beslutsdatum + 3 kalendermånader; beslut som inte verkställts i tid
          rapporteras till IVO varje kvartal tills de verkställts.
        </li>
        <li>Uttagsdatum är som standard det senaste händelsedatumet i filerna och kan ändras.</li>
      </ul>
      <h2>Tillgänglighetsredogörelse</h2>
      <p>
        Insyn ska uppfylla lagen (2018:1937) om tillgänglighet till digital offentlig service och WCAG 2.1 nivå AA.
        Varje diagram har en tabell med samma siffror, allt kan användas med tangentbord, preliminära värden markeras
        med text och mönster och inte bara med färg, och förändringar anges med ord (bättre/sämre) och inte bara med pil
        eller färg. Datum skrivs och visas som ÅÅÅÅ-MM-DD och månader som ÅÅÅÅ-MM oavsett webbläsarens språk. Sidorna
        går att läsa ner till 320 pixlars bredd utan att sidan rullar i sidled; bara breda tabeller rullar, i en egen
        ruta som nås med tangentbordet. Varje sida prövas automatiskt mot WCAG 2.1 A och AA med axe-core, och ett test
        tabbar igenom varje kontroll på varje sida och kontrollerar att fokus syns, vid varje ändring av koden.
      </p>
      <p>
        Kända brister: diagrammens verktygstips visar antal först när man pekar på eller tabbar till diagrammet; samma
        antal finns alltid i tabellen under diagrammet. Upplever du hinder, kontakta förvaltningen som publicerar
        tjänsten. Du kan anmäla brister till Myndigheten för digital förvaltning (Digg).
      </p>
    </section>
  );
}
