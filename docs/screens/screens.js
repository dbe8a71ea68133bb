const puppeteer = require('puppeteer-core');
const [base, prefix, outDir, extra] = process.argv.slice(2);
(async () => {
  const b = await puppeteer.launch({executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync','--lang=vi']});
  const ctx = await b.createBrowserContext();
  const p = await ctx.newPage(); await p.setViewport({width: 1366, height: 900});
  await p.goto(base + '/login'); await p.type('input[name=username]', 'sokhcn'); await p.type('input[name=password]', 'Demo@2026');
  await Promise.all([p.waitForNavigation(), p.click('button[type=submit]')]);
  await p.goto(base + '/tasks?status=OVERDUE', {waitUntil: 'networkidle0'});
  const href = await p.evaluate(() => { const a = document.querySelector('#task-table a[href^="/tasks/"]'); return a ? a.getAttribute('href') : '/tasks/1'; });
  for (const w of [1366, 390]) {
    await p.setViewport({width: w, height: w === 390 ? 844 : 900});
    for (const [name, url] of [['overview', '/overview'], ['task', href]]) {
      await p.goto(base + url, {waitUntil: 'networkidle0'});
      await p.screenshot({path: `${outDir}/${prefix}-${name}-${w}.png`, fullPage: true});
      const sw = await p.evaluate(() => document.documentElement.scrollWidth);
      console.log(prefix, name, w, url, 'page scrollWidth', sw);
    }
    if (extra === 'picker') {
      await p.goto(base + '/tasks/new', {waitUntil: 'networkidle0'});
      await p.type('#leadAgencyIds-q', 'so khoa hoc');
      await p.waitForSelector('#leadAgencyIds-list [role=option]', {visible: true});
      await new Promise(r => setTimeout(r, 500));
      await p.screenshot({path: `${outDir}/${prefix}-agency-picker-${w}.png`, fullPage: false});
      await p.keyboard.press('ArrowDown'); await p.keyboard.press('Enter');
      await Promise.all([p.waitForNavigation(), p.click('#task-save')]);
      await p.screenshot({path: `${outDir}/${prefix}-form-errors-${w}.png`, fullPage: true});
    }
  }
  await b.close();
})().catch(e => { console.error(e); process.exit(1); });
