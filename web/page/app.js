NewslensModule().then((m) => { document.getElementById('app').textContent = 'newslens ' + m.version() + ': ' + m.plugins(); });
