{#-
    Fails for every row whose column lies outside [min_value, max_value]. NULL values
    pass; combine with not_null where a value is required.
-#}
{% test is_between(model, column_name, min_value, max_value) %}

select {{ column_name }} as value_out_of_range
from {{ model }}
where {{ column_name }} < {{ min_value }}
    or {{ column_name }} > {{ max_value }}

{% endtest %}
