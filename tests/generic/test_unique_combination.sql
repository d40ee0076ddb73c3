{#-
    Fails for every combination of `columns` that occurs on more than one row of the
    model. NULLs compare equal here, so a composite key with a NULL part is still
    checked.

    Example: unique_combination: {arguments: {columns: [audience_code, person_id]}}
-#}
{% test unique_combination(model, columns) %}

select
    {{ columns | join(', ') }},
    count(*) as row_count
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
