// ducha report: filters by severity and rule, and a click on a finding
// scrolls its mark into view. Without this script everything is shown.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-f]"));
  var byId = {};
  findings.forEach(function (li) { byId[li.dataset.id] = li; });

  var rules = {};
  findings.forEach(function (li) { rules[li.dataset.rule] = true; });
  var select = document.getElementById("rule-filter");
  Object.keys(rules).sort().forEach(function (r) {
    var o = document.createElement("option");
    o.value = r; o.textContent = r;
    select.appendChild(o);
  });
  form.hidden = false;

  function apply() {
    var sev = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=sev]"), function (c) { sev[c.value] = c.checked; });
    var rule = select.value;
    findings.forEach(function (li) {
      li.hidden = !(sev[li.dataset.sev] && (rule === "" || li.dataset.rule === rule));
    });
    marks.forEach(function (m) {
      var on = m.dataset.f.split(" ").some(function (id) { return byId[id] && !byId[id].hidden; });
      m.classList.toggle("off", !on);
    });
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest(".finding a");
    if (!a) return;
    var id = a.getAttribute("href").slice(1);
    var anchor = document.getElementById(id);
    if (!anchor) return;
    e.preventDefault();
    var mark = anchor.nextElementSibling;
    while (mark && mark.classList.contains("anchor")) mark = mark.nextElementSibling;
    if (!mark || mark.tagName !== "MARK") mark = anchor;
    mark.scrollIntoView({ block: "center" });
    if (history.replaceState) history.replaceState(null, "", "#" + id);
    marks.forEach(function (m) { m.classList.remove("flash"); });
    mark.classList.add("flash");
    setTimeout(function () { mark.classList.remove("flash"); }, 1500);
  });
  apply();
})();
