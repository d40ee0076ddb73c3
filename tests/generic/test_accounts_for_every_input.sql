{#-
    Fails when the model's rows plus the rejected_records rows of `input_table` do not
    add up to the rows of `input_model`: every input row must reach exactly one of the
    two, so nothing is dropped silently and nothing is counted twice.
-#}
{% test accounts_for_every_input(model, input_model, input_table) %}

with

input_rows as (

    select count(*) as row_count
    from {{ input_model }}

),

output_rows as (

    select
        (select count(*) from {{ model }})
        + (
            select count(*)
            from {{ ref('rejected_records') }}
            where input_table = {{ gtm_quote(input_table) }}
        ) as row_count

)

select
    input_rows.row_count as input_row_count,
    output_rows.row_count as output_row_count
from input_rows
cross join output_rows
where input_rows.row_count != output_rows.row_count

{% endtest %}
