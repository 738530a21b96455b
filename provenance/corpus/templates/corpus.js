(function(){
  var table=document.getElementById('pairs');if(!table)return;
  var body=table.tBodies[0];
  function val(row,col,numeric){var c=row.cells[col];var v=c.getAttribute('data-value');
    if(v===null)v=c.textContent.trim();return numeric?parseFloat(v)||0:v.toLowerCase();}
  function sortBy(col,numeric,dir){
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){var x=val(a,col,numeric),y=val(b,col,numeric);
      if(x<y)return dir==='ascending'?-1:1;if(x>y)return dir==='ascending'?1:-1;
      return parseInt(a.getAttribute('data-order'),10)-parseInt(b.getAttribute('data-order'),10);});
    rows.forEach(function(r){body.appendChild(r);});
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){th.removeAttribute('aria-sort');});
    table.tHead.rows[0].cells[col].setAttribute('aria-sort',dir);
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){
    var b=th.querySelector('button');if(!b)return;
    b.addEventListener('click',function(){
      var now=th.getAttribute('aria-sort');
      var dir=now==='descending'?'ascending':'descending';
      sortBy(col,th.getAttribute('data-type')==='number',dir);});
  });
})();
