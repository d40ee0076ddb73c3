{#-
    Fails for every row where `condition` holds but the column is not NULL, for columns
    that must stay empty in a given state (a gated-out candidate has no score).
-#}
{% test null_when(model, column_name, condition) %}

select {{ column_name }} as unexpected_value
from {{ model }}
where ({{ condition }})
    and {{ column_name }} is not null

{% endtest %}
