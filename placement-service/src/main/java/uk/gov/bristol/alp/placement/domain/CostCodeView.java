package uk.gov.bristol.alp.placement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import uk.gov.bristol.alp.platform.projection.ProjectedRow;

/** A finance cost code as finance published it (alp.finance.v1), never read from finance's tables. */
@Entity
@Table(name = "cost_code_view")
public class CostCodeView extends ProjectedRow {
    private static final String ACTIVE = "ACTIVE";

    @Id
    public String code;

    public String description;

    @Column(name = "funding_stream")
    public String fundingStream;

    /** ACTIVE, RETIRED or DELETED, as finance names them. */
    public String status;

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public static CostCodeView findOrNew(String code) {
        CostCodeView row = findById(code);
        if (row == null) {
            row = new CostCodeView();
            row.code = code;
        }
        return row;
    }
}
