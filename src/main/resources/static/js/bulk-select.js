// Bulk selection in a list (docs/adr/0009-design-system.md): a "select all on this page" box and a live count of the
// checked rows. Only an enhancement: without JavaScript the box stays hidden and the form posts the checked rows.
// A list opts in with data-bulk-select="<the rows' checkbox name>" and data-bulk-count="<id of the count>".
for (const list of document.querySelectorAll('[data-bulk-select]')) {
  const name = list.dataset.bulkSelect;
  const all = list.querySelector('[data-bulk-all]');
  const count = document.getElementById(list.dataset.bulkCount);
  const rows = () => [...list.querySelectorAll('input[type=checkbox]')].filter(box => box.name === name);

  const update = () => {
    const boxes = rows();
    const checked = boxes.filter(box => box.checked).length;
    if (all) {
      all.checked = checked > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
    if (count) {
      count.textContent = (checked === 1 ? count.dataset.one : count.dataset.other).replace('{0}', checked);
      count.hidden = false;
    }
  };

  if (all) {
    all.closest('[data-bulk-all-item]').hidden = false;
    all.addEventListener('change', () => {
      for (const box of rows()) {
        box.checked = all.checked;
      }
      update();
    });
  }
  list.addEventListener('change', event => {
    if (event.target.name === name) {
      update();
    }
  });
  update();
}
