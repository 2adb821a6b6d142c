// The registration form (registry/form.html); a file of its own because the Content-Security-Policy allows no
// inline script.
// Names are required except for an anonymous participant, who has none.
(function () {
  var anonymous = document.getElementById('anonymous');
  if (!anonymous) { return; }
  function sync() {
    ['firstName', 'lastName'].forEach(function (id) { document.getElementById(id).required = !anonymous.checked; });
  }
  anonymous.addEventListener('change', sync); sync();
})();
// Protected identity: hide and empty the address fields, so no address is even sent.
(function () {
  var box = document.getElementById('protectedIdentity'), address = document.getElementById('address');
  // on the edit page the flag is no checkbox (it changes on the person page, with a reason)
  if (!box || box.type !== 'checkbox' || !address) { return; }
  function sync() {
    address.hidden = box.checked;
    if (box.checked) { address.querySelectorAll('input').forEach(function (i) { i.value = ''; }); }
  }
  box.addEventListener('change', sync); sync();
})();
